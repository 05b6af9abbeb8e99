import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { saveRegimeSetting } from "@/features/admin/commands/regimes";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import { decideApproval } from "@/features/protocol/resolution-commands";
import { recordOutcome } from "@/features/regulated/commands";
import { listPendingApprovals } from "@/features/supervisor/queries";
import { listLetterApprovals } from "./queries";
import { sendLetter } from "./send";
import { sha256 } from "./store";

// Four-eyes (issue 16, item 9) on real PostgreSQL: a letter with regulatory impact, or with redress
// above the regime's amount, waits on the one approval mechanism (ApprovalRequest) for a second
// person, and goes exactly as drafted once approved.

const filedAt = new Date("2026-12-01T03:00:00Z");
const dueAt = new Date("2026-12-15T16:59:59Z");
const reasons = "tagihan kedua terjadi karena kesalahan sistem kami.";
type Staff = { id: string; role: "AGENT" | "SUPERVISOR" | "ADMIN"; name: string };
let agent: Staff, supervisor: Staff, otherSupervisor: Staff;

async function staff(name: string, role: Staff["role"]): Promise<Staff> {
  const user = await testDb().user.create({
    data: { email: `${name.split(" ")[0]!.toLowerCase()}@t.test`, name, role, passwordHash: "x" },
    select: { id: true },
  });
  return { id: user.id, role, name };
}

const version = async (ticketId: string) =>
  (await testDb().ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { version: true } })).version;

/** A complaint under `regime` in RESOLVE with its outcome (and redress, when given) recorded. */
async function decidedComplaint(
  regime: "OJK" | "FCA",
  outcome: "UPHELD" | "NOT_UPHELD",
  redress?: { amount: string; goodwill: boolean; currency: string },
) {
  const filed = await fileComplaint(
    complaintSchema().parse({
      name: "Siti Rahayu",
      email: `siti-${Math.random().toString(36).slice(2)}@example.co.id`,
      category: "PAYMENT_PROBLEM",
      narrative: "Saya ditagih dua kali untuk satu pesanan dan ingin kelebihannya dikembalikan.",
      desiredOutcome: "Kembalikan kelebihan tagihan",
    }),
    "id",
    filedAt,
  );
  await testDb().ticket.update({ where: { id: filed.ticketId }, data: { regime, regulatoryDueAt: dueAt, stage: "RESOLVE" } });
  const ref = async () => ({ ticketId: filed.ticketId, version: await version(filed.ticketId) });
  await recordOutcome(await ref(), { outcome, goodwill: false }, agent);
  if (redress)
    await recordOutcome(
      await ref(),
      { redressKind: "REFUND", goodwill: redress.goodwill, amount: redress.amount, currency: redress.currency, paidAt: "2026-12-02" },
      agent,
    );
  return { ...filed, ref };
}

async function refusalCode(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string; details?: { code?: string } }).details?.code ?? (error as { code?: string }).code;
  }
  throw new Error("expected a refusal");
}

describe("four-eyes on regulated letters", () => {
  beforeEach(async () => {
    await resetDatabase();
    agent = await staff("Dewi Anggraini", "AGENT");
    supervisor = await staff("Rina Wulandari", "SUPERVISOR");
    otherSupervisor = await staff("Bagus Santoso", "SUPERVISOR");
  });

  it("holds an upheld final response until approved: nothing stored or mailed, the supervisors told, the workspace says who asked", async () => {
    const c = await decidedComplaint("OJK", "UPHELD", { amount: "150000", goodwill: false, currency: "IDR" });
    const held = await sendLetter(await c.ref(), { kind: "FINAL_RESPONSE", reasons }, agent, new Date("2026-12-03T02:00:00Z"));
    expect(held.letterId).toBeNull();
    expect(await testDb().letter.count({ where: { ticketId: c.ticketId } })).toBe(0);
    expect(await testDb().outboxMessage.count({ where: { ticketId: c.ticketId, kind: "letter" } })).toBe(0);

    const request = await testDb().approvalRequest.findUniqueOrThrow({ where: { id: held.approvalId! } });
    expect(request).toMatchObject({ subject: "LETTER", status: "PENDING", letterKind: "FINAL_RESPONSE", requestedById: agent.id });
    expect(request.letterContent).toContain(reasons);
    expect(request.letterContentSha256).toBe(sha256(request.letterContent!));

    // The one approval mechanism: the supervisor's inbox and notices, not a second system.
    const inbox = await listPendingApprovals();
    expect(inbox).toEqual([
      expect.objectContaining({
        id: held.approvalId,
        subject: "LETTER",
        letter: { kind: "FINAL_RESPONSE", content: request.letterContent },
      }),
    ]);
    const notified = await testDb().notification.findMany({ where: { kind: "approval.requested" }, select: { userId: true } });
    expect(notified.map((n) => n.userId).sort()).toEqual([supervisor.id, otherSupervisor.id].sort());
    expect(await listLetterApprovals(c.ticketId)).toEqual([
      expect.objectContaining({ kind: "FINAL_RESPONSE", status: "PENDING", requestedBy: "Dewi Anggraini" }),
    ]);
    // Held, the protocol's own resolution approval is untouched.
    const event = await testDb().ticketEvent.findFirstOrThrow({ where: { ticketId: c.ticketId, type: "approval.requested" } });
    expect(event.after).toMatchObject({ subject: "LETTER", fourEyes: "impact" });
  });

  it("sends the approved letter exactly as drafted: the same text and SHA-256, by its author, mailed with its PDF", async () => {
    const c = await decidedComplaint("OJK", "UPHELD", { amount: "150000", goodwill: false, currency: "IDR" });
    const held = await sendLetter(await c.ref(), { kind: "FINAL_RESPONSE", reasons }, agent, new Date("2026-12-03T02:00:00Z"));
    const draft = await testDb().approvalRequest.findUniqueOrThrow({ where: { id: held.approvalId! } });
    // The record changes after the draft; what goes is still what was drafted and approved.
    await testDb().ticket.update({ where: { id: c.ticketId }, data: { finding: "changed afterwards" } });

    const approvedAt = new Date("2026-12-04T02:00:00Z");
    await decideApproval({ ...(await c.ref()), approvalId: held.approvalId!, approve: true, reason: "Diperiksa." }, supervisor, approvedAt);

    const letter = await testDb().letter.findFirstOrThrow({ where: { ticketId: c.ticketId, kind: "FINAL_RESPONSE" } });
    expect(letter.content).toBe(draft.letterContent);
    expect(letter.subject).toBe(draft.letterSubject);
    expect(letter.contentSha256).toBe(draft.letterContentSha256);
    expect(letter).toMatchObject({ sentById: agent.id, sentAt: approvedAt, statedDueAt: dueAt });
    expect(letter.pdfSha256).toBe(sha256(letter.pdf));
    const mail = await testDb().outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `letter:${letter.id}` } });
    expect(mail).toMatchObject({ body: draft.letterContent, letterId: letter.id });
    expect(await testDb().approvalRequest.findUniqueOrThrow({ where: { id: held.approvalId! } })).toMatchObject({
      status: "APPROVED",
      decidedById: supervisor.id,
      letterId: letter.id,
    });
    const types = (
      await testDb().ticketEvent.findMany({ where: { ticketId: c.ticketId }, orderBy: { id: "asc" }, select: { type: true } })
    ).map((e) => e.type);
    expect(types.slice(-2)).toEqual(["letter.sent", "approval.approved"]);
    expect(await listLetterApprovals(c.ticketId)).toEqual([]);
    // Approved once: a second decision finds nothing waiting.
    expect(
      await refusalCode(
        decideApproval({ ...(await c.ref()), approvalId: held.approvalId!, approve: true, reason: "Lagi." }, otherSupervisor),
      ),
    ).toBe("noPendingApproval");
  });

  it("refuses the author's own approval, even a supervisor's, and an agent's; nothing is sent", async () => {
    const c = await decidedComplaint("OJK", "UPHELD", { amount: "150000", goodwill: false, currency: "IDR" });
    const held = await sendLetter(await c.ref(), { kind: "FINAL_RESPONSE", reasons }, supervisor, new Date("2026-12-03T02:00:00Z"));
    expect(held.letterId).toBeNull();
    const decide = async (who: Staff) =>
      refusalCode(decideApproval({ ...(await c.ref()), approvalId: held.approvalId!, approve: true, reason: "Sendiri." }, who));
    expect(await decide(supervisor)).toBe("ownLetterApproval");
    expect(await decide(agent)).toBe("forbidden");
    expect(await testDb().letter.count({ where: { ticketId: c.ticketId } })).toBe(0);
    expect(await testDb().approvalRequest.findUniqueOrThrow({ where: { id: held.approvalId! } })).toMatchObject({ status: "PENDING" });
    // Only the other supervisor was told it waits.
    const notified = await testDb().notification.findMany({ where: { kind: "approval.requested" }, select: { userId: true } });
    expect(notified.map((n) => n.userId)).toEqual([otherSupervisor.id]);
  });

  it("shows the author the reason when the letter is refused, and sends nothing", async () => {
    const c = await decidedComplaint("OJK", "UPHELD", { amount: "150000", goodwill: false, currency: "IDR" });
    const held = await sendLetter(await c.ref(), { kind: "FINAL_RESPONSE", reasons }, agent, new Date("2026-12-03T02:00:00Z"));
    await decideApproval(
      { ...(await c.ref()), approvalId: held.approvalId!, approve: false, reason: "Jumlah ganti rugi belum sesuai." },
      otherSupervisor,
    );
    expect(await testDb().letter.count({ where: { ticketId: c.ticketId } })).toBe(0);
    expect(await listLetterApprovals(c.ticketId)).toEqual([
      expect.objectContaining({ status: "DENIED", decidedBy: "Bagus Santoso", reason: "Jumlah ganti rugi belum sesuai." }),
    ]);
    const notice = await testDb().notification.findFirstOrThrow({ where: { userId: agent.id, kind: "approval.denied" } });
    expect(notice.ticketId).toBe(c.ticketId);
  });

  it("sends a final response that is not upheld and pays nothing at once", async () => {
    const c = await decidedComplaint("OJK", "NOT_UPHELD");
    const sent = await sendLetter(await c.ref(), { kind: "FINAL_RESPONSE", reasons }, agent, new Date("2026-12-03T02:00:00Z"));
    expect(sent.letterId).not.toBeNull();
    expect(await testDb().approvalRequest.count()).toBe(0);
  });

  it("holds a letter whose redress is above the regime's amount, and lets one at or below it go", async () => {
    // The admin sets the amount per regime, audited like every admin change.
    const admin = await staff("Ayu Admin", "ADMIN");
    await saveRegimeSetting(admin, { regime: "FCA", warnBeforeDays: null, fourEyesRedressAbove: "100" });
    const audit = await testDb().auditLog.findFirstOrThrow({ where: { action: "regime.updated", entityId: "FCA" } });
    expect(audit.after).toMatchObject({ fourEyesRedressAbove: "100" });
    const above = await decidedComplaint("FCA", "NOT_UPHELD", { amount: "150", goodwill: true, currency: "GBP" });
    const held = await sendLetter(await above.ref(), { kind: "SUMMARY_RESOLUTION", reasons }, agent, new Date("2026-12-02T10:00:00Z"));
    expect(held.letterId).toBeNull();
    const event = await testDb().ticketEvent.findFirstOrThrow({ where: { ticketId: above.ticketId, type: "approval.requested" } });
    expect(event.after).toMatchObject({ fourEyes: "redress", amount: "150" });

    const within = await decidedComplaint("FCA", "NOT_UPHELD", { amount: "100", goodwill: true, currency: "GBP" });
    const sent = await sendLetter(await within.ref(), { kind: "SUMMARY_RESOLUTION", reasons }, agent, new Date("2026-12-02T10:00:00Z"));
    expect(sent.letterId).not.toBeNull();
  });
});
