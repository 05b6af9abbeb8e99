import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import type { Actor } from "./change-ticket";
import { listAttentionGroups } from "@/features/supervisor/queries";
import { setPriority } from "./commands";
import { acknowledge, recordListening } from "./hearing-commands";

const at = (local: string) => new Date(`2026-11-${local}+07:00`);

const record = {
  factsWhat: "The kettle's cord melted while in use",
  desiredOutcome: "Refund",
  restatement: "You want your money back for a kettle that burnt its cord.",
  severity: "HIGH" as const,
  safetyRisk: false,
};

let agent: Actor;

async function newTicket(email: string) {
  const input = complaintSchema(() => "2026-11-23").parse({
    name: "Siti Rahayu",
    email,
    category: "PRODUCT_RETURN",
    narrative: "Kabel ketel meleleh saat dipakai, hampir terjadi kebakaran di dapur saya.",
    desiredOutcome: "Uang kembali",
  });
  await fileComplaint(input, "id", at("23T09:00:00"));
  const { id } = await testDb().ticket.findFirstOrThrow({ where: { customer: { email } }, select: { id: true } });
  await acknowledge({ ticketId: id, version: await version(id), body: "We hear you." }, agent, at("23T09:10:00"));
  return id;
}

async function version(id: string) {
  return (await testDb().ticket.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

const ticketOf = (id: string) =>
  testDb().ticket.findUniqueOrThrow({ where: { id }, select: { priority: true, stage: true, stageDueAt: true, stageAtRiskAt: true } });

describe("safety first", () => {
  beforeEach(async () => {
    await resetDatabase();
    const user = await testDb().user.create({ data: { email: "a@tanggap.test", name: "A", role: "AGENT", passwordHash: "x" } });
    agent = { id: user.id, role: "AGENT" };
    await testDb().user.createMany({
      data: [
        { email: "sup-en@tanggap.test", name: "Sup EN", role: "SUPERVISOR", passwordHash: "x", locale: "en" },
        { email: "sup-id@tanggap.test", name: "Sup ID", role: "SUPERVISOR", passwordHash: "x", locale: "id" },
        { email: "gone@tanggap.test", name: "Gone", role: "SUPERVISOR", passwordHash: "x", active: false },
      ],
    });
  });

  it("makes a declared safety risk urgent, with the deadline a manual change would give, and tells each supervisor in their language", async () => {
    const risky = await newTicket("siti@example.co.id");
    const twin = await newTicket("budi@example.co.id");
    const now = at("23T09:20:00");

    await recordListening(
      { ticketId: risky, version: await version(risky), record: { ...record, safetyRisk: true }, advance: false },
      agent,
      now,
    );
    await recordListening({ ticketId: twin, version: await version(twin), record, advance: false }, agent, now);
    await setPriority({ ticketId: twin, version: await version(twin), priority: "URGENT" }, agent, now);

    const [after, manual] = await Promise.all([ticketOf(risky), ticketOf(twin)]);
    expect(after.priority).toBe("URGENT");
    expect(after.stage).toBe("LISTEN");
    expect(after.stageDueAt).toEqual(manual.stageDueAt);
    expect(after.stageAtRiskAt).toEqual(manual.stageAtRiskAt);
    const timer = await testDb().slaTimer.findFirstOrThrow({ where: { ticketId: risky, stage: "LISTEN" }, select: { dueAt: true } });
    expect(timer.dueAt).toEqual(after.stageDueAt);

    const events = await testDb().ticketEvent.findMany({
      where: { ticketId: risky, type: "ticket.safetyRaised" },
      select: { before: true, after: true },
    });
    expect(events).toEqual([{ before: { priority: "NORMAL" }, after: { priority: "URGENT", cause: "safetyRisk" } }]);

    const notices = await testDb().notification.findMany({
      where: { ticketId: risky, kind: "ticket.safetyRaised" },
      select: { title: true, body: true, createdAt: true, user: { select: { email: true } } },
      orderBy: { user: { email: "asc" } },
    });
    expect(notices.map((n) => n.user.email)).toEqual(["sup-en@tanggap.test", "sup-id@tanggap.test"]);
    expect(notices[0]!.title).toMatch(/^Safety first: TGP-/);
    expect(notices[0]!.body).toContain("raised from Normal to Urgent");
    expect(notices[1]!.title).toMatch(/^Keselamatan dulu: TGP-/);
    expect(notices[1]!.body).toContain("risiko keselamatan");
    expect(notices.every((n) => n.createdAt.getTime() === now.getTime())).toBe(true);

    const mails = await testDb().outboxMessage.findMany({
      where: { ticketId: risky, kind: "notice" },
      select: { recipient: true, subject: true },
    });
    expect(mails.map((m) => m.recipient).sort()).toEqual(["sup-en@tanggap.test", "sup-id@tanggap.test"]);

    // On the supervisors' board at once, though its clock is far from at risk; the twin is not.
    const board = (await listAttentionGroups(now, "en", "stage")).flatMap((g) => g.rows);
    expect(board.map((r) => ({ id: r.id, safety: r.safety, onTime: r.onTime, overdue: r.overdue }))).toEqual([
      { id: risky, safety: true, onTime: true, overdue: false },
    ]);

    // Saving the same assessment again neither raises nor tells anyone twice.
    await setPriority({ ticketId: risky, version: await version(risky), priority: "HIGH" }, agent, at("23T09:25:00"));
    await recordListening(
      { ticketId: risky, version: await version(risky), record: { ...record, safetyRisk: true, severity: "CRITICAL" }, advance: false },
      agent,
      at("23T09:30:00"),
    );
    expect((await ticketOf(risky)).priority).toBe("HIGH");
    expect(await testDb().notification.count({ where: { ticketId: risky } })).toBe(2);
  });

  it("starts the next stage's clock at the urgent target when a critical complaint moves on", async () => {
    const critical = await newTicket("siti@example.co.id");
    const twin = await newTicket("budi@example.co.id");
    const now = at("23T09:20:00");

    await setPriority({ ticketId: twin, version: await version(twin), priority: "URGENT" }, agent, now);
    await recordListening({ ticketId: twin, version: await version(twin), record, advance: true }, agent, now);
    await recordListening(
      { ticketId: critical, version: await version(critical), record: { ...record, severity: "CRITICAL" }, advance: true },
      agent,
      now,
    );

    const [after, manual] = await Promise.all([ticketOf(critical), ticketOf(twin)]);
    expect(after).toEqual({ ...manual, priority: "URGENT", stage: "UNDERSTAND" });
    const events = await testDb().ticketEvent.findMany({
      where: { ticketId: critical, type: "ticket.safetyRaised" },
      select: { after: true },
    });
    expect(events).toEqual([{ after: { priority: "URGENT", cause: "critical" } }]);
    expect(await testDb().notification.count({ where: { ticketId: critical, kind: "ticket.safetyRaised" } })).toBe(2);
  });

  it("writes no notice when the change itself is refused", async () => {
    const risky = await newTicket("siti@example.co.id");
    const stale = await version(risky);
    await recordListening({ ticketId: risky, version: stale, record, advance: false }, agent, at("23T09:15:00"));
    await expect(
      recordListening(
        { ticketId: risky, version: stale, record: { ...record, safetyRisk: true }, advance: false },
        agent,
        at("23T09:20:00"),
      ),
    ).rejects.toThrow();
    expect((await ticketOf(risky)).priority).toBe("NORMAL");
    expect(await testDb().notification.count()).toBe(0);
    expect(await testDb().ticketEvent.count({ where: { type: "ticket.safetyRaised" } })).toBe(0);
  });
});
