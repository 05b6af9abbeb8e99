import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { setCategoryRegime } from "@/features/admin/commands/regimes";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import { sendLetter } from "@/features/letters/send";
import type { Actor } from "@/features/protocol/change-ticket";
import { changeCategory } from "@/features/protocol/commands";
import { extendRegulatoryDeadline } from "./extend";

// FCA DISP 1.6.2AR, end to end: a category an admin marks as payment services under the FCA regime
// gives its complaints 15 business days; a holding reply before they end moves the final response
// to 35 business days after receipt, once. Filed Monday 23 November 2026, 02:00 in London (GMT).
// On the shipped England and Wales calendar, counted by hand:
// - 15 business days: 24–27 Nov (4), 30 Nov–4 Dec (9), 7–11 Dec (14), Monday 14 Dec (15);
// - 35: 15–18 Dec (19), 21–24 Dec (23), 25 Christmas and 28 Boxing Day (substitute) off,
//   29–31 Dec (26), 1 Jan off, 4–8 Jan (31), 11–14 Jan (35): Thursday 14 January 2027.
const filedAt = new Date("2026-11-23T02:00:00Z");
const endOfLondonDay = (date: string) => new Date(`${date}T23:59:59.999Z`);

let agent: Actor & { name: string };
let admin: { id: string; role: "ADMIN" };

async function file(category = "PAYMENT_PROBLEM") {
  const input = complaintSchema(() => "2026-11-23").parse({
    name: "Sarah Jones",
    email: `sarah-${Math.random().toString(36).slice(2)}@example.co.uk`,
    category,
    narrative: "My card payment was taken twice for a single transfer and not returned.",
    desiredOutcome: "The second payment refunded",
  });
  return (await fileComplaint(input, "en", filedAt)).ticketId;
}

const clock = (id: string) =>
  testDb().ticket.findUniqueOrThrow({
    where: { id },
    select: { version: true, regime: true, paymentServices: true, regulatoryDueAt: true, regulatoryExtensions: true },
  });

const categoryId = async (code: string) => (await testDb().category.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;

describe("FCA payment services: 15 business days, 35 with a holding reply", () => {
  beforeEach(async () => {
    await resetDatabase();
    const a = await testDb().user.create({
      data: { email: "agent@tanggap.test", name: "Tom Baker", role: "AGENT", passwordHash: "x" },
      select: { id: true },
    });
    agent = { id: a.id, role: "AGENT", name: "Tom Baker" };
    const ad = await testDb().user.create({
      data: { email: "admin@tanggap.test", name: "Admin", role: "ADMIN", passwordHash: "x" },
      select: { id: true },
    });
    admin = { id: ad.id, role: "ADMIN" };
    await setCategoryRegime(admin, { categoryId: await categoryId("PAYMENT_PROBLEM"), regime: "FCA", paymentServices: true });
  });

  it("marks the category through the audited regime change, and files its complaints 15 business days out", async () => {
    expect(
      await testDb().auditLog.findFirstOrThrow({ orderBy: { id: "desc" }, select: { action: true, before: true, after: true } }),
    ).toMatchObject({
      action: "category.regimeChanged",
      before: { code: "PAYMENT_PROBLEM", regime: "NONE", paymentServices: false },
      after: { code: "PAYMENT_PROBLEM", regime: "FCA", paymentServices: true },
    });
    const id = await file();
    expect(await clock(id)).toMatchObject({ regime: "FCA", paymentServices: true, regulatoryDueAt: endOfLondonDay("2026-12-14") });
    // Another FCA category, not marked, keeps the eight weeks (56 calendar days: 18 January).
    await setCategoryRegime(admin, { categoryId: await categoryId("SERVICE_PROBLEM"), regime: "FCA" });
    const other = await file("SERVICE_PROBLEM");
    expect(await clock(other)).toMatchObject({ paymentServices: false, regulatoryDueAt: endOfLondonDay("2027-01-18") });
  });

  it("moves the deadline to 35 business days after receipt by a holding reply, once", async () => {
    const id = await file();
    const sent = await sendLetter(
      { ticketId: id, version: (await clock(id)).version },
      { kind: "HOLDING_REPLY", reason: "the card scheme has not yet returned its chargeback records" },
      agent,
      new Date("2026-12-10T10:00:00Z"),
    );
    expect(await clock(id)).toMatchObject({ regulatoryDueAt: endOfLondonDay("2027-01-14"), regulatoryExtensions: 1 });
    const letter = await testDb().letter.findUniqueOrThrow({ where: { id: sent.letterId! } });
    expect(letter).toMatchObject({ kind: "HOLDING_REPLY", statedDueAt: endOfLondonDay("2027-01-14") });
    expect(letter.content).toContain("the card scheme has not yet returned its chargeback records");
    expect(letter.content).toContain("14 January 2027");
    expect(letter.content).toContain("Financial Ombudsman Service");
    const event = await testDb().ticketEvent.findFirstOrThrow({
      where: { ticketId: id, type: "regulatory.extended" },
      select: { after: true },
    });
    expect(event.after).toMatchObject({ letter: "HOLDING_REPLY", dueAt: endOfLondonDay("2027-01-14").toISOString() });

    // A second holding reply is refused, and says why.
    await expect(
      extendRegulatoryDeadline(
        { ticketId: id, version: (await clock(id)).version, reason: "still waiting" },
        agent,
        new Date("2026-12-11T10:00:00Z"),
      ),
    ).rejects.toMatchObject({ code: "invalidChange", details: { code: "regulatoryHoldingReplySent" } });
    expect(await clock(id)).toMatchObject({ regulatoryDueAt: endOfLondonDay("2027-01-14"), regulatoryExtensions: 1 });
  });

  it("refuses a holding reply once the 15 business days have passed, and changes nothing", async () => {
    const id = await file();
    const before = await clock(id);
    await expect(
      extendRegulatoryDeadline({ ticketId: id, version: before.version, reason: "too late" }, agent, new Date("2026-12-15T09:00:00Z")),
    ).rejects.toMatchObject({ code: "invalidChange", details: { code: "regulatoryHoldingReplyTooLate" } });
    expect(await clock(id)).toEqual(before);
    expect(await testDb().letter.count({ where: { ticketId: id } })).toBe(0);
  });

  it("refuses an extension letter for a payment-services complaint, and a holding reply for any other FCA complaint", async () => {
    const id = await file();
    await expect(
      sendLetter({ ticketId: id, version: (await clock(id)).version }, { kind: "EXTENSION", reason: "more time" }, agent, filedAt),
    ).rejects.toMatchObject({ code: "regulatedRefused", details: { code: "kindNotForRegime" } });
    await setCategoryRegime(admin, { categoryId: await categoryId("SERVICE_PROBLEM"), regime: "FCA" });
    const other = await file("SERVICE_PROBLEM");
    await expect(
      sendLetter(
        { ticketId: other, version: (await clock(other)).version },
        { kind: "HOLDING_REPLY", reason: "more time" },
        agent,
        filedAt,
      ),
    ).rejects.toMatchObject({ code: "invalidChange", details: { code: "regulatoryNoExtension" } });
  });

  it("is counted again from receipt when the complaint moves into the payment-services category", async () => {
    await setCategoryRegime(admin, { categoryId: await categoryId("SERVICE_PROBLEM"), regime: "FCA" });
    const id = await file("SERVICE_PROBLEM");
    await changeCategory(
      { ticketId: id, version: (await clock(id)).version, categoryId: await categoryId("PAYMENT_PROBLEM"), reason: "a card payment" },
      agent,
      new Date("2026-11-25T09:00:00Z"),
    );
    expect(await clock(id)).toMatchObject({ regime: "FCA", paymentServices: true, regulatoryDueAt: endOfLondonDay("2026-12-14") });
  });
});
