import { createHash } from "node:crypto";
import { extractText } from "unpdf";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { isDomainError } from "@/domain/errors";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import { decideApproval } from "@/features/protocol/resolution-commands";
import { recordOutcome } from "@/features/regulated/commands";
import { getCustomerDecision } from "@/features/regulated/queries";
import { GET as downloadLetter } from "@/app/api/letters/[id]/route";
import { letterDate } from "./compose";
import { findLetterForDownload, listLettersByTrackingToken } from "./queries";
import { sendLetter as sendOrHold } from "./send";

// The route asks the session only when no token is given; no one is signed in here (as in
// src/app/api/attachments/[id]/route.integration.test.ts, the session is the one boundary stood in for).
vi.mock("@/server/auth/session", () => ({ currentStaff: async () => null }));

let agent: { id: string; role: "AGENT"; name: string };
const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");
const filedAt = new Date("2026-12-01T03:00:00Z");
const dueAt = new Date("2026-12-15T16:59:59Z");

async function ojkComplaint(locale: "en" | "id" = "id", regime: "OJK" | "FCA" = "OJK") {
  const filed = await fileComplaint(
    complaintSchema().parse({
      name: "Siti Rahayu",
      email: `siti-${Math.random().toString(36).slice(2)}@example.co.id`,
      category: "PAYMENT_PROBLEM",
      narrative: "Saya ditagih dua kali untuk satu pesanan dan ingin kelebihannya dikembalikan.",
      desiredOutcome: "Kembalikan kelebihan tagihan",
    }),
    locale,
    filedAt,
  );
  // The regulatory clock is another change's: its deadline is set here as it would be.
  await testDb().ticket.update({ where: { id: filed.ticketId }, data: { regime, regulatoryDueAt: dueAt } });
  return filed;
}

const version = async (ticketId: string) =>
  (await testDb().ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { version: true } })).version;

/** A letter that must go at once (none of these is held by four-eyes but the one that says so). */
async function sendLetter(...args: Parameters<typeof sendOrHold>): Promise<{ letterId: string }> {
  const { letterId } = await sendOrHold(...args);
  if (!letterId) throw new Error("the letter was held for a second person's approval");
  return { letterId };
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error, "regulatedRefused")) return error.details;
    throw error;
  }
  throw new Error("expected a refusal");
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(new Uint8Array(bytes), { mergePages: true });
  return text;
}

describe("regulated letters", () => {
  beforeEach(async () => {
    await resetDatabase();
    const user = await testDb().user.create({
      data: { email: "agent@t.test", name: "Dewi Anggraini", role: "AGENT", passwordHash: "x" },
      select: { id: true },
    });
    agent = { ...user, role: "AGENT", name: "Dewi Anggraini" };
  });

  it("stores an acknowledgement exactly as mailed, with the SHA-256 of its text and PDF, and its event", async () => {
    const filed = await ojkComplaint();
    const sentAt = new Date("2026-12-01T05:00:00Z");
    const { letterId } = await sendLetter(
      { ticketId: filed.ticketId, version: await version(filed.ticketId) },
      { kind: "ACKNOWLEDGEMENT" },
      agent,
      sentAt,
    );
    const letter = await testDb().letter.findUniqueOrThrow({ where: { id: letterId } });
    expect(letter).toMatchObject({ kind: "ACKNOWLEDGEMENT", locale: "id", sentById: agent.id, sentAt, statedDueAt: dueAt });
    expect(letter.contentSha256).toBe(sha256(letter.content));
    expect(letter.pdfSha256).toBe(sha256(letter.pdf));
    expect(letter.content).toContain(filed.reference);
    expect(letter.content).toContain(letterDate(dueAt, "id", "OJK"));
    expect(letter.content).toContain("Dewi Anggraini");

    const mail = await testDb().outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `letter:${letterId}` } });
    expect(mail).toMatchObject({ kind: "letter", subject: letter.subject, body: letter.content, ticketId: filed.ticketId });

    const event = await testDb().ticketEvent.findFirstOrThrow({ where: { ticketId: filed.ticketId, type: "letter.sent" } });
    expect(event.after).toMatchObject({ kind: "ACKNOWLEDGEMENT", letterId, pdfSha256: letter.pdfSha256 });

    // The PDF says what the mail said, in Indonesian, with the deadline.
    const text = await pdfText(letter.pdf);
    expect(text).toContain("Tanda terima pengaduan");
    expect(text).toContain(letterDate(dueAt, "id", "OJK"));
    expect(text).toContain(filed.reference);
  });

  it("never changes or removes a letter once sent", async () => {
    const filed = await ojkComplaint();
    const { letterId } = await sendLetter(
      { ticketId: filed.ticketId, version: await version(filed.ticketId) },
      { kind: "ACKNOWLEDGEMENT" },
      agent,
      filedAt,
    );
    await expect(testDb().letter.update({ where: { id: letterId }, data: { content: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(testDb().$executeRaw`UPDATE "Letter" SET pdf = '\\x00'::bytea`).rejects.toThrow(/append-only/);
    await expect(testDb().letter.delete({ where: { id: letterId } })).rejects.toThrow(/append-only/);
    const kept = await testDb().letter.findUniqueOrThrow({ where: { id: letterId } });
    expect(sha256(kept.content)).toBe(kept.contentSha256);
  });

  it("refuses an acknowledgement with no deadline to state, naming it, and stores and mails nothing", async () => {
    const filed = await ojkComplaint();
    await testDb().ticket.update({ where: { id: filed.ticketId }, data: { regulatoryDueAt: null } });
    const before = await testDb().outboxMessage.count();
    expect(
      await refusal(
        sendLetter({ ticketId: filed.ticketId, version: await version(filed.ticketId) }, { kind: "ACKNOWLEDGEMENT" }, agent, filedAt),
      ),
    ).toEqual({ code: "missing", elements: ["deadline"] });
    expect(await testDb().letter.count()).toBe(0);
    expect(await testDb().outboxMessage.count()).toBe(before);
  });

  it("sends one extension before the first deadline and refuses a second, a late one and one the regime does not allow", async () => {
    const filed = await ojkComplaint("en");
    const ref = async () => ({ ticketId: filed.ticketId, version: await version(filed.ticketId) });
    const extension = { kind: "EXTENSION" as const, reason: "we are waiting for the bank's settlement records." };

    // The letter goes through the clock's one extension command: refused after the first deadline.
    await expect(sendLetter(await ref(), extension, agent, new Date(dueAt.getTime() + 1000))).rejects.toMatchObject({
      code: "invalidChange",
      details: { code: "regulatoryDeadlinePassed" },
    });
    const { letterId } = await sendLetter(await ref(), extension, agent, new Date("2026-12-10T03:00:00Z"));
    const letter = await testDb().letter.findUniqueOrThrow({ where: { id: letterId } });
    const moved = await testDb().ticket.findUniqueOrThrow({ where: { id: filed.ticketId }, select: { regulatoryDueAt: true } });
    // The deadline the letter states is the one the clock moved to, ten working days on.
    expect(moved.regulatoryDueAt!.getTime()).toBeGreaterThan(dueAt.getTime());
    expect(letter.statedDueAt).toEqual(moved.regulatoryDueAt);
    expect(letter.content).toContain("settlement records");
    expect(letter.content).toContain(letterDate(moved.regulatoryDueAt!, "en", "OJK"));
    await expect(sendLetter(await ref(), extension, agent, new Date("2026-12-11T03:00:00Z"))).rejects.toMatchObject({
      code: "invalidChange",
      details: { code: "regulatoryExtensionUsed" },
    });

    const fca = await ojkComplaint("en", "FCA");
    await expect(
      sendLetter({ ticketId: fca.ticketId, version: await version(fca.ticketId) }, extension, agent, new Date("2026-12-02T03:00:00Z")),
    ).rejects.toMatchObject({ code: "invalidChange", details: { code: "regulatoryNoExtension" } });
  });

  it("sends a final response once the outcome and redress are recorded, and shows the decision to the customer", async () => {
    const filed = await ojkComplaint();
    const ref = async () => ({ ticketId: filed.ticketId, version: await version(filed.ticketId) });
    const reasons = "tagihan kedua terjadi karena kesalahan sistem kami.";
    expect(await refusal(sendLetter(await ref(), { kind: "FINAL_RESPONSE", reasons }, agent, filedAt))).toEqual({
      code: "missing",
      elements: ["outcome"],
    });
    await testDb().ticket.update({ where: { id: filed.ticketId }, data: { stage: "RESOLVE" } });
    await recordOutcome(await ref(), { outcome: "UPHELD", goodwill: false }, agent);
    expect(await refusal(sendLetter(await ref(), { kind: "FINAL_RESPONSE", reasons }, agent, filedAt))).toEqual({
      code: "missing",
      elements: ["redress"],
    });
    await recordOutcome(
      await ref(),
      { redressKind: "REFUND", goodwill: false, amount: "150000", currency: "IDR", paidAt: "2026-12-04" },
      agent,
    );
    expect(await getCustomerDecision(filed.trackingToken)).toBeNull();

    // Upheld with redress: four-eyes holds it for a supervisor (src/features/letters/four-eyes.integration.test.ts).
    const held = await sendOrHold(await ref(), { kind: "FINAL_RESPONSE", reasons }, agent, new Date("2026-12-05T02:00:00Z"));
    expect(held.letterId).toBeNull();
    expect(await getCustomerDecision(filed.trackingToken)).toBeNull();
    const supervisor = await testDb().user.create({
      data: { email: "spv@t.test", name: "Rina Wulandari", role: "SUPERVISOR", passwordHash: "x" },
      select: { id: true },
    });
    await decideApproval(
      { ...(await ref()), approvalId: held.approvalId!, approve: true, reason: "Temuan dan ganti rugi diperiksa." },
      { id: supervisor.id, role: "SUPERVISOR" },
      new Date("2026-12-05T03:00:00Z"),
    );
    const letter = await testDb().letter.findFirstOrThrow({ where: { ticketId: filed.ticketId, kind: "FINAL_RESPONSE" } });
    const text = await pdfText(letter.pdf);
    expect(text).toContain("Tanggapan akhir");
    expect(text).toContain("pengaduan Anda diterima");
    expect(text).toContain("LAPS SJK");
    expect(text).toContain("Pengembalian dana");
    expect(await getCustomerDecision(filed.trackingToken)).toMatchObject({
      outcome: "UPHELD",
      redresses: [{ kind: "REFUND", amount: "150000" }],
    });
  });

  it("gives a letter's PDF to its own link's holder only, byte for byte as stored", async () => {
    const mine = await ojkComplaint();
    const other = await ojkComplaint();
    const { letterId } = await sendLetter(
      { ticketId: mine.ticketId, version: await version(mine.ticketId) },
      { kind: "ACKNOWLEDGEMENT" },
      agent,
      filedAt,
    );
    const stored = await testDb().letter.findUniqueOrThrow({ where: { id: letterId }, select: { pdfSha256: true } });

    expect((await listLettersByTrackingToken(mine.trackingToken)).map((l) => l.id)).toEqual([letterId]);
    expect(await listLettersByTrackingToken(other.trackingToken)).toEqual([]);
    expect(await findLetterForDownload(letterId, { kind: "token", token: other.trackingToken })).toBeNull();

    const params = Promise.resolve({ id: letterId });
    const ok = await downloadLetter(new Request(`http://t.test/api/letters/${letterId}?token=${mine.trackingToken}`), { params });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/pdf");
    expect(sha256(new Uint8Array(await ok.arrayBuffer()))).toBe(stored.pdfSha256);
    const refused = await downloadLetter(new Request(`http://t.test/api/letters/${letterId}?token=${other.trackingToken}`), {
      params: Promise.resolve({ id: letterId }),
    });
    expect(refused.status).toBe(404);
  });
});
