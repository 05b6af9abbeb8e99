import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import { readReport } from "@/features/reports/queries";
import { sweepSla } from "@/features/sla/monitor";
import { listAwaitingSettlement } from "@/features/supervisor/escalations";
import type { Actor } from "./change-ticket";
import { advance } from "./commands";
import { escalate, settleEscalation } from "./escalation-commands";
import { acknowledge, recordListening, recordUnderstanding } from "./hearing-commands";
import { chooseResolution, sendApology } from "./resolution-commands";

// Monday 23 November 2026 in Jakarta (UTC+7), business hours 08:00–17:00.
const at = (local: string) => new Date(`2026-11-${local}+07:00`);

const listen = {
  factsWhat: "Blender never started",
  desiredOutcome: "Refund",
  restatement: "You want your money back for a blender that never worked.",
  severity: "MEDIUM" as const,
  safetyRisk: false,
};
const GOOD_APOLOGY =
  "Siti, kami mohon maaf: blender yang Anda terima rusak karena kesalahan kami saat memeriksa batch dari pemasok. Uang Rp 450.000 sudah kami kembalikan ke rekening Anda.";

let agent: Actor;
let teamId: string;
/** Supervisors of the ticket's team, one per language, and one of another team. */
let supEn: Actor;
let supId: Actor;
let elsewhere: Actor;

async function staff(email: string, role: Actor["role"], locale: "en" | "id", team: string | null): Promise<Actor> {
  const user = await testDb().user.create({
    data: { email, name: email.split("@")[0]!, role, locale, teamId: team, passwordHash: "x" },
    select: { id: true },
  });
  return { id: user.id, role };
}

async function newTicket(filedAt = at("23T09:00:00")) {
  const input = complaintSchema(() => "2026-11-23").parse({
    name: "Siti Rahayu",
    email: "siti@example.co.id",
    category: "PRODUCT_RETURN",
    narrative: "Blender yang saya beli tidak menyala sama sekali sejak hari pertama.",
    desiredOutcome: "Uang kembali",
    amount: "450000",
  });
  await fileComplaint(input, "id", filedAt);
  const { id } = await testDb().ticket.findFirstOrThrow({ orderBy: { number: "desc" }, select: { id: true } });
  await testDb().ticket.update({ where: { id }, data: { teamId } });
  return id;
}

const version = async (ticketId: string) =>
  (await testDb().ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { version: true } })).version;
const step = async <T>(id: string, fn: (ref: { ticketId: string; version: number }) => Promise<T>) =>
  fn({ ticketId: id, version: await version(id) });

async function refundId() {
  return (
    await testDb().resolutionOption.findFirstOrThrow({
      where: { kind: "REFUND", category: { code: "PRODUCT_RETURN" } },
      select: { id: true },
    })
  ).id;
}

/** A ticket in RESOLVE with a refund within the agent's authority chosen, not yet moved on. */
async function inResolve() {
  const id = await newTicket();
  await step(id, (r) => acknowledge({ ...r, body: "Halo Siti, keluhan Anda sudah kami terima." }, agent, at("23T09:10:00")));
  await step(id, (r) => recordListening({ ...r, record: listen, advance: true }, agent, at("23T09:20:00")));
  await step(id, (r) =>
    recordUnderstanding(
      { ...r, rootCause: "OUR_ERROR", finding: "Faulty batch.", disputed: false, advance: true },
      agent,
      at("23T09:30:00"),
    ),
  );
  const optionId = await refundId();
  await step(id, (r) => chooseResolution({ ...r, choice: { optionId, amount: "450000" }, advance: false }, agent, at("23T09:40:00")));
  return id;
}

const row = (id: string) =>
  testDb().ticket.findUniqueOrThrow({
    where: { id },
    select: {
      stage: true,
      assigneeId: true,
      escalatedAt: true,
      escalationSource: true,
      settledAt: true,
      settlementDecision: true,
      settlementNote: true,
      settledById: true,
    },
  });

const HOLD = { code: "protocolRefused", details: { refusal: { reason: "awaitingSettlement" } } };

describe("escalation holds the ticket until a supervisor settles it", () => {
  beforeEach(async () => {
    await resetDatabase();
    teamId = (await testDb().team.create({ data: { nameEn: "Desk A", nameId: "Desk A" }, select: { id: true } })).id;
    const other = (await testDb().team.create({ data: { nameEn: "Desk B", nameId: "Desk B" }, select: { id: true } })).id;
    agent = await staff("ayu@tanggap.test", "AGENT", "id", teamId);
    supEn = await staff("sam@tanggap.test", "SUPERVISOR", "en", teamId);
    supId = await staff("sari@tanggap.test", "SUPERVISOR", "id", teamId);
    elsewhere = await staff("bima@tanggap.test", "SUPERVISOR", "en", other);
  });

  it("an agent's escalation tells each supervisor of the team once, in their language, with a mail each", async () => {
    const id = await inResolve();
    const now = at("23T10:00:00");
    await step(id, (r) => escalate({ ...r, reason: "The customer says the cashier promised a refund in cash." }, agent, now));

    expect(await row(id)).toMatchObject({ escalatedAt: now, escalationSource: "AGENT", settledAt: null });
    const notices = await testDb().notification.findMany({
      where: { ticketId: id, kind: "ticket.escalated" },
      orderBy: { user: { email: "asc" } },
      select: { userId: true, title: true, body: true, createdAt: true },
    });
    expect(notices.map((n) => n.userId)).toEqual([supEn.id, supId.id]);
    expect(notices[0]!.title).toMatch(/^TGP-\d+ is escalated to the supervisors$/);
    expect(notices[0]!.body).toContain("ayu escalated TGP-");
    expect(notices[0]!.body).toContain("the cashier promised a refund in cash");
    expect(notices[1]!.title).toMatch(/^TGP-\d+ dieskalasi ke supervisor$/);
    expect(notices[1]!.body).toContain("mengeskalasi");
    expect(notices.every((n) => n.createdAt.getTime() === now.getTime())).toBe(true);

    const mails = await testDb().outboxMessage.findMany({
      where: { ticketId: id, kind: "notice" },
      orderBy: { recipient: "asc" },
      select: { recipient: true, subject: true },
    });
    expect(mails).toEqual([
      { recipient: "sam@tanggap.test", subject: expect.stringMatching(/^Escalated: TGP-\d+ waits for a supervisor's settlement$/) },
      { recipient: "sari@tanggap.test", subject: expect.stringMatching(/^Eskalasi: TGP-\d+ menunggu keputusan supervisor$/) },
    ]);
    expect(await testDb().notification.count({ where: { userId: elsewhere.id } })).toBe(0);

    const events = await testDb().ticketEvent.findMany({
      where: { ticketId: id, type: "ticket.escalated" },
      select: { actorId: true, after: true },
    });
    expect(events).toEqual([
      { actorId: agent.id, after: { reason: "The customer says the cashier promised a refund in cash.", source: "AGENT" } },
    ]);
  });

  it("tells every supervisor when the ticket's team has none", async () => {
    const id = await inResolve();
    await testDb().user.updateMany({ where: { teamId, role: "SUPERVISOR" }, data: { active: false } });
    await step(id, (r) => escalate({ ...r, reason: "Needs a manager" }, agent, at("23T10:00:00")));
    const told = await testDb().notification.findMany({ where: { ticketId: id, kind: "ticket.escalated" }, select: { userId: true } });
    expect(told).toEqual([{ userId: elsewhere.id }]);
  });

  it("cannot leave RESOLVE until settled; the settlement releases it and the agent closes it", async () => {
    const id = await inResolve();
    await step(id, (r) => escalate({ ...r, reason: "Needs a manager" }, agent, at("23T10:00:00")));

    // Moving on from the stage form keeps what was typed and names the hold; a bare advance refuses outright.
    const optionId = await refundId();
    expect(
      await step(id, (r) => chooseResolution({ ...r, choice: { optionId, amount: "450000" }, advance: true }, agent, at("23T10:05:00"))),
    ).toEqual({ moved: false, refusal: { reason: "awaitingSettlement" }, approval: "NOT_NEEDED" });
    const refused = step(id, (r) => advance(r, agent, at("23T10:06:00")));
    await expect(refused).rejects.toMatchObject(HOLD);
    await expect(refused).rejects.toThrow("A supervisor must settle the escalation first");
    expect((await row(id)).stage).toBe("RESOLVE");

    // An agent cannot settle it themselves.
    await expect(
      step(id, (r) => settleEscalation({ ...r, decision: "PROCEED", note: "Fine by me", takeOver: false }, agent, at("23T10:07:00"))),
    ).rejects.toMatchObject({ code: "forbidden" });

    const settledAt = at("23T11:30:00");
    await step(id, (r) =>
      settleEscalation(
        { ...r, decision: "FAVOUR_CUSTOMER", note: "Refund in full; the cashier was wrong.", takeOver: false },
        supEn,
        settledAt,
      ),
    );
    expect(await row(id)).toMatchObject({
      settledAt,
      settlementDecision: "FAVOUR_CUSTOMER",
      settlementNote: "Refund in full; the cashier was wrong.",
      settledById: supEn.id,
      assigneeId: agent.id,
    });
    const settled = await testDb().ticketEvent.findFirstOrThrow({
      where: { ticketId: id, type: "ticket.settled" },
      select: { actorId: true, after: true },
    });
    expect(settled).toEqual({
      actorId: supEn.id,
      after: {
        decision: "FAVOUR_CUSTOMER",
        note: "Refund in full; the cashier was wrong.",
        takeOver: false,
        source: "AGENT",
        escalatedAt: at("23T10:00:00").toISOString(),
      },
    });
    await expect(
      step(id, (r) => settleEscalation({ ...r, decision: "PROCEED", note: "Again", takeOver: false }, supId, at("23T11:31:00"))),
    ).rejects.toMatchObject({ code: "protocolRefused", details: { refusal: { reason: "alreadySettled" } } });

    await step(id, (r) => advance(r, agent, at("23T11:40:00")));
    expect((await row(id)).stage).toBe("APOLOGISE");
    await step(id, (r) => sendApology({ ...r, body: GOOD_APOLOGY }, agent, at("23T12:00:00")));
    expect((await row(id)).stage).toBe("CLOSED");
  });

  it("holds the apology too: nothing is sent to the customer while an escalation raised in APOLOGISE waits", async () => {
    const id = await inResolve();
    await step(id, (r) => advance(r, agent, at("23T10:00:00")));
    await step(id, (r) => escalate({ ...r, reason: "The customer threatens to go to the press" }, agent, at("23T10:05:00")));
    const mailsBefore = await testDb().outboxMessage.count({ where: { ticketId: id, kind: { not: "notice" } } });

    await expect(step(id, (r) => sendApology({ ...r, body: GOOD_APOLOGY }, agent, at("23T10:10:00")))).rejects.toMatchObject(HOLD);
    expect((await row(id)).stage).toBe("APOLOGISE");
    expect(await testDb().outboxMessage.count({ where: { ticketId: id, kind: { not: "notice" } } })).toBe(mailsBefore);
    expect(await testDb().message.count({ where: { ticketId: id, body: GOOD_APOLOGY } })).toBe(0);

    await step(id, (r) =>
      settleEscalation({ ...r, decision: "PROCEED", note: "Apologise as drafted.", takeOver: false }, supId, at("23T10:30:00")),
    );
    await step(id, (r) => sendApology({ ...r, body: GOOD_APOLOGY }, agent, at("23T10:40:00")));
    expect((await row(id)).stage).toBe("CLOSED");
  });

  it("a supervisor who takes it over becomes its assignee, on the timeline too", async () => {
    const id = await inResolve();
    await step(id, (r) => escalate({ ...r, reason: "Needs a manager" }, agent, at("23T10:00:00")));
    await step(id, (r) =>
      settleEscalation(
        { ...r, decision: "MANAGER_FOLLOW_UP", note: "I will call the customer.", takeOver: true },
        supEn,
        at("23T10:30:00"),
      ),
    );
    expect(await row(id)).toMatchObject({ assigneeId: supEn.id, settledById: supEn.id });
    const assigned = await testDb().ticketEvent.findMany({
      where: { ticketId: id, type: "ticket.assigned", actorId: supEn.id },
      select: { before: true, after: true },
    });
    expect(assigned).toEqual([{ before: { assigneeId: agent.id }, after: { assigneeId: supEn.id } }]);
  });

  it("is on the supervisors' board whatever its clock says, until settled", async () => {
    const id = await inResolve();
    const calm = await inResolve();
    expect(await listAwaitingSettlement("en")).toEqual([]);
    await step(id, (r) => escalate({ ...r, reason: "Needs a manager" }, agent, at("23T10:00:00")));
    const board = await listAwaitingSettlement("en");
    expect(board.map((r) => ({ id: r.id, source: r.source, reason: r.reason, stage: r.stage, teamName: r.teamName }))).toEqual([
      { id, source: "AGENT", reason: "Needs a manager", stage: "RESOLVE", teamName: "Desk A" },
    ]);
    expect(board.some((r) => r.id === calm)).toBe(false);
    await step(id, (r) => settleEscalation({ ...r, decision: "PROCEED", note: "Go ahead.", takeOver: false }, supEn, at("23T10:30:00")));
    expect(await listAwaitingSettlement("en")).toEqual([]);
  });
});

describe("the protocol escalates on its own", () => {
  beforeEach(async () => {
    await resetDatabase();
    teamId = (await testDb().team.create({ data: { nameEn: "Desk A", nameId: "Desk A" }, select: { id: true } })).id;
    agent = await staff("ayu@tanggap.test", "AGENT", "id", teamId);
    supEn = await staff("sam@tanggap.test", "SUPERVISOR", "en", teamId);
    supId = await staff("sari@tanggap.test", "SUPERVISOR", "id", teamId);
  });

  it("when a dispute is recorded: the team's supervisors are told, and RESOLVE holds until settled", async () => {
    const id = await newTicket();
    await step(id, (r) => acknowledge({ ...r, body: "Halo Siti." }, agent, at("23T09:10:00")));
    await step(id, (r) => recordListening({ ...r, record: listen, advance: true }, agent, at("23T09:20:00")));
    const now = at("23T09:30:00");
    expect(
      await step(id, (r) =>
        recordUnderstanding({ ...r, rootCause: "OUR_ERROR", finding: "He said, she said.", disputed: true, advance: true }, agent, now),
      ),
    ).toEqual({ moved: true });
    expect(await row(id)).toMatchObject({ stage: "RESOLVE", escalatedAt: now, escalationSource: "DISPUTE" });
    const notices = await testDb().notification.findMany({
      where: { ticketId: id, kind: "ticket.escalated" },
      orderBy: { user: { email: "asc" } },
      select: { body: true },
    });
    expect(notices.map((n) => n.body)).toEqual([
      expect.stringContaining("was recorded as disputed"),
      expect.stringContaining("dicatat sebagai sengketa"),
    ]);
    expect(await testDb().outboxMessage.count({ where: { ticketId: id, kind: "notice" } })).toBe(2);

    // Saving the dispute again does not escalate twice.
    const optionId = await refundId();
    await step(id, (r) => chooseResolution({ ...r, choice: { optionId, amount: "450000" }, advance: false }, agent, at("23T09:40:00")));
    await expect(step(id, (r) => advance(r, agent, at("23T09:45:00")))).rejects.toMatchObject(HOLD);
    await step(id, (r) =>
      settleEscalation({ ...r, decision: "EXPLAIN_POSITION", note: "Explain the receipt.", takeOver: false }, supId, at("23T10:00:00")),
    );
    await step(id, (r) => advance(r, agent, at("23T10:05:00")));
    expect((await row(id)).stage).toBe("APOLOGISE");
    expect(await testDb().ticketEvent.count({ where: { ticketId: id, type: "ticket.escalated" } })).toBe(1);
  });

  it("when a safety risk is declared: the safety notice says it is escalated, one notice per supervisor", async () => {
    const id = await newTicket();
    await step(id, (r) => acknowledge({ ...r, body: "Halo Siti." }, agent, at("23T09:10:00")));
    const now = at("23T09:20:00");
    await step(id, (r) => recordListening({ ...r, record: { ...listen, safetyRisk: true }, advance: true }, agent, now));
    expect(await row(id)).toMatchObject({ stage: "UNDERSTAND", escalatedAt: now, escalationSource: "SAFETY" });
    const notices = await testDb().notification.findMany({
      where: { ticketId: id },
      orderBy: { user: { email: "asc" } },
      select: { kind: true, body: true },
    });
    expect(notices).toEqual([
      { kind: "ticket.safetyRaised", body: expect.stringContaining("until a supervisor records a settlement") },
      { kind: "ticket.safetyRaised", body: expect.stringContaining("sebelum supervisor mencatat keputusannya") },
    ]);
    const events = await testDb().ticketEvent.findMany({ where: { ticketId: id, type: "ticket.escalated" }, select: { after: true } });
    expect(events).toEqual([{ after: { reason: null, source: "SAFETY" } }]);
  });

  it("when the breach policy escalates: the ticket is held in RESOLVE until settled", async () => {
    const id = await inResolve();
    // Past RESOLVE's deadline (three business days), the monitor's sweep applies the breach policy.
    await sweepSla(at("30T09:00:00"));
    expect(await row(id)).toMatchObject({ stage: "RESOLVE", escalationSource: "BREACH", settledAt: null });
    await expect(step(id, (r) => advance(r, agent, at("30T09:05:00")))).rejects.toMatchObject(HOLD);
    const breachNotices = await testDb().notification.findMany({ where: { ticketId: id, kind: "sla.breached" }, select: { body: true } });
    expect(breachNotices.length).toBe(2);
    expect(breachNotices.every((n) => /settlement|keputusannya/.test(n.body))).toBe(true);

    await step(id, (r) =>
      settleEscalation({ ...r, decision: "PROCEED", note: "Late, but right.", takeOver: false }, supEn, at("30T09:30:00")),
    );
    await step(id, (r) => advance(r, agent, at("30T09:35:00")));
    expect((await row(id)).stage).toBe("APOLOGISE");
  });
});

describe("the escalations report", () => {
  beforeEach(async () => {
    await resetDatabase();
    teamId = (await testDb().team.create({ data: { nameEn: "Desk A", nameId: "Desk A" }, select: { id: true } })).id;
    agent = await staff("ayu@tanggap.test", "AGENT", "id", teamId);
    supEn = await staff("sam@tanggap.test", "SUPERVISOR", "en", teamId);
  });

  it("counts escalations per source, and the median and 90th percentile of the time to settle", async () => {
    const settleIn = [1, 2, 3, 10];
    for (const [i, hours] of settleIn.entries()) {
      const id = await inResolve();
      const escalatedAt = at(`23T10:0${i}:00`);
      await step(id, (r) => escalate({ ...r, reason: `Case ${i}` }, agent, escalatedAt));
      await step(id, (r) =>
        settleEscalation(
          { ...r, decision: "PROCEED", note: "Go ahead.", takeOver: false },
          supEn,
          new Date(escalatedAt.getTime() + hours * 3_600_000),
        ),
      );
    }
    const waiting = await inResolve();
    await step(waiting, (r) => escalate({ ...r, reason: "Still open" }, agent, at("23T11:00:00")));

    const window = { start: at("23T00:00:00"), end: at("25T00:00:00"), previousStart: at("21T00:00:00"), now: at("24T12:00:00") };
    const rows = await readReport("escalations", {}, window);
    const agentRow = rows.find((r) => r.source === "AGENT")!;
    const total = rows.find((r) => r.source === null)!;
    expect(rows.map((r) => r.source)).toEqual(["AGENT", "DISPUTE", "SAFETY", "BREACH", null]);
    // Median of 1, 2, 3, 10 is 2.5; the 90th percentile, interpolated, 7.9.
    expect(agentRow).toEqual({ source: "AGENT", escalated: 5, settled: 4, medianHours: 2.5, p90Hours: 7.9, waiting: 1 });
    expect(total).toEqual({ source: null, escalated: 5, settled: 4, medianHours: 2.5, p90Hours: 7.9, waiting: 1 });
    expect(rows.find((r) => r.source === "DISPUTE")).toEqual({
      source: "DISPUTE",
      escalated: 0,
      settled: 0,
      medianHours: null,
      p90Hours: null,
      waiting: 0,
    });

    const outside = await readReport("escalations", {}, { ...window, start: at("25T00:00:00"), end: at("26T00:00:00") });
    expect(outside.find((r) => r.source === null)).toMatchObject({ escalated: 0, settled: 0, waiting: 1 });
  });
});
