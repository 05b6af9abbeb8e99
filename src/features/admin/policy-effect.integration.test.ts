import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import type { Actor } from "@/features/protocol/change-ticket";
import { setWaitingOnCustomer } from "@/features/protocol/commands";
import { acknowledge, recordListening, recordUnderstanding } from "@/features/protocol/hearing-commands";
import { chooseResolution } from "@/features/protocol/resolution-commands";
import { setAuthorityLimit } from "./commands/categories";
import { saveSlaTarget } from "./commands/sla";

// Monday 23 November 2026 in Jakarta (UTC+7), business hours 08:00–17:00.
const at = (local: string) => new Date(`2026-11-${local}+07:00`);

let admin: Actor;
let agent: Actor;

async function staff(email: string, role: Actor["role"]): Promise<Actor> {
  const user = await testDb().user.create({ data: { email, name: email, role, passwordHash: "x" }, select: { id: true } });
  return { id: user.id, role };
}

async function newTicket(filedAt: Date, amount = "750000") {
  const input = complaintSchema(() => "2026-11-23").parse({
    name: "Siti Rahayu",
    email: "siti@example.co.id",
    category: "PRODUCT_RETURN",
    narrative: "Blender yang saya beli tidak menyala sama sekali sejak hari pertama.",
    desiredOutcome: "Uang kembali",
    amount,
  });
  const receipt = await fileComplaint(input, "id", filedAt);
  const ticket = await testDb().ticket.findFirstOrThrow({ orderBy: { number: "desc" }, select: { id: true } });
  return { id: ticket.id, acknowledgeBy: receipt.acknowledgeBy };
}

const ref = async (ticketId: string) => ({
  ticketId,
  version: (await testDb().ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { version: true } })).version,
});
const dueAt = async (ticketId: string) =>
  (await testDb().ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { stageDueAt: true } })).stageDueAt;
const fallbackFor = (stage: "NEW" | "LISTEN" | "RESOLVE", businessMinutes: number) => ({
  categoryId: null,
  priority: null,
  stage,
  businessMinutes,
  atRiskPercent: 75,
});

async function toResolve(ticketId: string, now: Date) {
  await acknowledge({ ...(await ref(ticketId)), body: "Halo Siti, keluhan Anda sudah kami terima." }, agent, now);
  const record = {
    factsWhat: "Blender never started",
    desiredOutcome: "Refund",
    restatement: "You want your money back.",
    severity: "MEDIUM" as const,
    safetyRisk: false,
  };
  await recordListening({ ...(await ref(ticketId)), record, advance: true }, agent, now);
  await recordUnderstanding(
    { ...(await ref(ticketId)), rootCause: "OUR_ERROR", finding: "Faulty batch.", disputed: false, advance: true },
    agent,
    now,
  );
}

const refundOption = async () =>
  (
    await testDb().resolutionOption.findFirstOrThrow({
      where: { kind: "REFUND", category: { code: "PRODUCT_RETURN" } },
      select: { id: true },
    })
  ).id;

describe("admin settings take effect", () => {
  beforeEach(async () => {
    await resetDatabase();
    admin = await staff("admin@tanggap.test", "ADMIN");
    agent = await staff("agent@tanggap.test", "AGENT");
  });

  it("gives the next complaint the new first-response target and leaves a running deadline as it was promised", async () => {
    const before = await newTicket(at("23T09:00:00"));
    // The seeded fallback: four business hours to acknowledge.
    expect(before.acknowledgeBy).toEqual(at("23T13:00:00"));

    await saveSlaTarget(admin, fallbackFor("NEW", 60));

    const after = await newTicket(at("23T09:30:00"));
    expect(after.acknowledgeBy).toEqual(at("23T10:30:00"));
    expect(await dueAt(after.id)).toEqual(at("23T10:30:00"));
    // The ticket already open keeps the deadline its NEW stage started with.
    expect(await dueAt(before.id)).toEqual(at("23T13:00:00"));
    const timer = await testDb().slaTimer.findFirstOrThrow({
      where: { ticketId: before.id, stage: "NEW" },
      select: { dueAt: true, businessMinutes: true },
    });
    expect(timer).toEqual({ dueAt: at("23T13:00:00"), businessMinutes: 240 });
  });

  it("keeps a running stage's promise across a pause, and gives the ticket's later stages the new target", async () => {
    const { id } = await newTicket(at("23T09:00:00"));
    await acknowledge({ ...(await ref(id)), body: "Halo Siti, keluhan Anda sudah kami terima." }, agent, at("23T09:00:00"));
    // LISTEN started at 09:00 Monday with one business day (540 minutes): due Tuesday 09:00.
    expect(await dueAt(id)).toEqual(at("24T09:00:00"));

    await saveSlaTarget(admin, fallbackFor("LISTEN", 120));
    await saveSlaTarget(admin, fallbackFor("RESOLVE", 60));

    // Waiting on the customer for one business hour moves the old promise by that hour, no more.
    await setWaitingOnCustomer({ ...(await ref(id)), waiting: true }, agent, at("23T10:00:00"));
    await setWaitingOnCustomer({ ...(await ref(id)), waiting: false }, agent, at("23T11:00:00"));
    expect(await dueAt(id)).toEqual(at("24T10:00:00"));

    const record = {
      factsWhat: "Blender never started",
      desiredOutcome: "Refund",
      restatement: "You want your money back.",
      severity: "MEDIUM" as const,
      safetyRisk: false,
    };
    await recordListening({ ...(await ref(id)), record, advance: true }, agent, at("23T11:00:00"));
    await recordUnderstanding(
      { ...(await ref(id)), rootCause: "OUR_ERROR", finding: "Faulty batch.", disputed: false, advance: true },
      agent,
      at("23T12:00:00"),
    );
    // RESOLVE started after the change: the new one-hour target.
    expect(await dueAt(id)).toEqual(at("23T13:00:00"));

    const fresh = await newTicket(at("23T14:00:00"));
    await acknowledge({ ...(await ref(fresh.id)), body: "Halo Siti, keluhan Anda sudah kami terima." }, agent, at("23T14:00:00"));
    expect(await dueAt(fresh.id)).toEqual(at("23T16:00:00"));
  });

  it("lets an agent grant an amount without approval once the agent's authority is raised above it", async () => {
    const option = await refundOption();

    const first = await newTicket(at("23T09:00:00"));
    await toResolve(first.id, at("23T09:10:00"));
    // Seeded AGENT limit: Rp 500.000. Rp 750.000 waits for a supervisor.
    expect(
      await chooseResolution(
        { ...(await ref(first.id)), choice: { optionId: option, amount: "750000" }, advance: true },
        agent,
        at("23T09:20:00"),
      ),
    ).toEqual({
      moved: false,
      refusal: { reason: "gatesUnmet", gates: ["approvalPending"] },
      approval: "PENDING",
    });

    await setAuthorityLimit(admin, { role: "AGENT", maxAmount: "1000000" });

    const second = await newTicket(at("23T10:00:00"));
    await toResolve(second.id, at("23T10:10:00"));
    expect(
      await chooseResolution(
        { ...(await ref(second.id)), choice: { optionId: option, amount: "750000" }, advance: true },
        agent,
        at("23T10:20:00"),
      ),
    ).toEqual({
      moved: true,
      approval: "NOT_NEEDED",
    });
    expect((await testDb().ticket.findUniqueOrThrow({ where: { id: second.id }, select: { stage: true } })).stage).toBe("APOLOGISE");
    expect(await testDb().approvalRequest.count({ where: { ticketId: second.id } })).toBe(0);
    // Above the new limit, approval is still needed.
    const third = await newTicket(at("23T11:00:00"));
    await toResolve(third.id, at("23T11:10:00"));
    const above = await chooseResolution(
      { ...(await ref(third.id)), choice: { optionId: option, amount: "1000000.01" }, advance: false },
      agent,
      at("23T11:20:00"),
    );
    expect(above).toMatchObject({ approval: "PENDING" });
  });
});
