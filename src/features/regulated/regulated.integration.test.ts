import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { isDomainError } from "@/domain/errors";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import { decideExternalEscalation, recordExternalEscalation, recordOutcome } from "./commands";
import { externalEscalationCounts, getRegulatedRecord } from "./queries";
import { externalEscalationSchema, outcomeSchema } from "./schemas";

let agent: { id: string; role: "AGENT" };

async function complaint(stage: "LISTEN" | "RESOLVE" | "APOLOGISE" | "CLOSED") {
  const filed = await fileComplaint(
    complaintSchema().parse({
      name: "Budi Santoso",
      email: `budi-${Math.random().toString(36).slice(2)}@example.co.id`,
      category: "PAYMENT_PROBLEM",
      narrative: "The transfer fee was charged twice on one transfer.",
      desiredOutcome: "Refund the second fee",
    }),
    "en",
  );
  await testDb().ticket.update({ where: { id: filed.ticketId }, data: { stage } });
  return filed.ticketId;
}

const ref = async (ticketId: string) => ({
  ticketId,
  version: (await testDb().ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { version: true } })).version,
});

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error, "regulatedRefused")) return error.details.code;
    throw error;
  }
  throw new Error("expected a refusal");
}

const events = (ticketId: string, type: string) =>
  testDb().ticketEvent.findMany({
    where: { ticketId, type },
    orderBy: { id: "asc" },
    select: { actorId: true, before: true, after: true },
  });

describe("outcome and redress", () => {
  beforeEach(async () => {
    await resetDatabase();
    const user = await testDb().user.create({
      data: { email: "a@t.test", name: "Ayu", role: "AGENT", passwordHash: "x" },
      select: { id: true },
    });
    agent = { ...user, role: "AGENT" };
  });

  it("records the outcome and redress in the resolve stage, goodwill apart, each with its event", async () => {
    const ticketId = await complaint("RESOLVE");
    const input = (form: Record<string, string>) => {
      const { ticketId: _t, version: _v, ...rest } = outcomeSchema.parse({ ticketId, version: "1", ...form });
      return rest;
    };
    await recordOutcome(
      await ref(ticketId),
      input({ outcome: "PARTLY_UPHELD", redressKind: "REFUND", amount: "6500", paidAt: "2026-12-03" }),
      agent,
    );
    await recordOutcome(await ref(ticketId), input({ redressKind: "OTHER", goodwill: "on", amount: "25000", note: "voucher" }), agent);

    const record = (await getRegulatedRecord(ticketId))!;
    expect(record.outcome).toBe("PARTLY_UPHELD");
    expect(record.redresses.map((r) => [r.kind, r.goodwill, r.amount, r.currency, r.paidAt?.toISOString().slice(0, 10) ?? null])).toEqual([
      ["REFUND", false, "6500", "IDR", "2026-12-03"],
      ["OTHER", true, "25000", "IDR", null],
    ]);
    expect(await events(ticketId, "outcome.recorded")).toEqual([
      { actorId: agent.id, before: { outcome: null }, after: { outcome: "PARTLY_UPHELD" } },
    ]);
    const redress = await events(ticketId, "redress.recorded");
    expect(redress.map((e) => (e.after as { goodwill: boolean }).goodwill)).toEqual([false, true]);
  });

  it("refuses the outcome outside the resolve and apologise stages, and writes nothing", async () => {
    const ticketId = await complaint("LISTEN");
    const before = await ref(ticketId);
    expect(await refusal(recordOutcome(before, { outcome: "UPHELD", goodwill: false }, agent))).toBe("outcomeStage");
    expect((await getRegulatedRecord(ticketId))!.outcome).toBeNull();
    expect(await ref(ticketId)).toEqual(before);
  });

  it("asks for a redress kind when an amount is given without one, and for something to record", () => {
    const parsed = outcomeSchema.safeParse({ ticketId: "00000000-0000-4000-8000-000000000000", version: "1", amount: "100" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(["outcome", "redressKind"]));
  });
});

describe("external escalation", () => {
  beforeEach(async () => {
    await resetDatabase();
    const user = await testDb().user.create({
      data: { email: "a@t.test", name: "Ayu", role: "AGENT", passwordHash: "x" },
      select: { id: true },
    });
    agent = { ...user, role: "AGENT" };
  });

  const escalation = (ticketId: string, form: Record<string, string>) => {
    const { ticketId: _t, version: _v, ...rest } = externalEscalationSchema.parse({ ticketId, version: "1", ...form });
    return rest;
  };

  it("records a referral on a closed complaint, its decision once, and counts them per body", async () => {
    const closed = await complaint("CLOSED");
    const other = await complaint("CLOSED");
    const { escalationId } = await recordExternalEscalation(
      await ref(closed),
      escalation(closed, { body: "LAPS_SJK", reference: "LAPS-2026-0042", referredAt: "2026-12-10" }),
      agent,
    );
    await recordExternalEscalation(await ref(other), escalation(other, { body: "LAPS_SJK", referredAt: "2026-12-11" }), agent);
    await recordExternalEscalation(await ref(other), escalation(other, { body: "OJK", referredAt: "2026-12-12" }), agent);

    expect(await externalEscalationCounts()).toEqual([
      { body: "LAPS_SJK", open: 2, decided: 0 },
      { body: "OJK", open: 1, decided: 0 },
    ]);

    expect(
      await refusal(decideExternalEscalation(await ref(closed), { escalationId, decidedAt: "2026-12-09", outcome: "Mediated" }, agent)),
    ).toBe("decidedBeforeReferred");
    await decideExternalEscalation(await ref(closed), { escalationId, decidedAt: "2027-01-20", outcome: "Settled by mediation" }, agent);
    expect(
      await refusal(decideExternalEscalation(await ref(closed), { escalationId, decidedAt: "2027-01-21", outcome: "Again" }, agent)),
    ).toBe("externalDecided");
    // Another ticket's escalation is not found through this one.
    expect(await refusal(decideExternalEscalation(await ref(other), { escalationId, decidedAt: "2027-01-21", outcome: "x" }, agent))).toBe(
      "externalNotFound",
    );

    const record = (await getRegulatedRecord(closed))!;
    expect(record.externalEscalations).toMatchObject([
      { body: "LAPS_SJK", reference: "LAPS-2026-0042", outcome: "Settled by mediation", decidedAt: new Date("2027-01-20T00:00:00Z") },
    ]);
    expect((await events(closed, "external.recorded")).map((e) => e.after)).toEqual([
      { escalationId, body: "LAPS_SJK", reference: "LAPS-2026-0042", referredAt: "2026-12-10" },
    ]);
    expect((await events(closed, "external.decided")).map((e) => e.after)).toEqual([
      { escalationId, body: "LAPS_SJK", decidedAt: "2027-01-20", note: "Settled by mediation" },
    ]);
    expect(await externalEscalationCounts()).toEqual([
      { body: "LAPS_SJK", open: 1, decided: 1 },
      { body: "OJK", open: 1, decided: 0 },
    ]);
  });
});
