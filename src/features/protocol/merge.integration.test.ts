import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { formatReference } from "@/domain/reference";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import { TEST_BYTES, testFile } from "@/features/attachments/test-files";
import { customerReply } from "@/features/tracking/commands";
import { getTicketByTrackingToken, mergedTrackingLink } from "@/features/tracking/queries";
import type { Actor } from "./change-ticket";
import { reply, setPriority } from "./commands";
import { acknowledge } from "./hearing-commands";
import { mergeTickets } from "./merge";

// Monday 23 November 2026 in Jakarta (UTC+7), business hours 08:00–17:00.
const at = (local: string) => new Date(`2026-11-${local}+07:00`);

let agent: Actor;
let supervisor: Actor;

async function staff(email: string, role: Actor["role"]): Promise<Actor> {
  const user = await testDb().user.create({ data: { email, name: email, role, passwordHash: "x" }, select: { id: true } });
  return { id: user.id, role };
}

async function newTicket(email = "siti@example.co.id", files: File[] = []) {
  const input = complaintSchema(() => "2026-11-23").parse({
    name: "Siti Rahayu",
    email,
    category: "PRODUCT_RETURN",
    narrative: "Blender yang saya beli tidak menyala sama sekali sejak hari pertama.",
    desiredOutcome: "Uang kembali",
    amount: "450000",
  });
  const filed = await fileComplaint(input, "id", at("23T09:00:00"), files);
  const row = await testDb().ticket.findFirstOrThrow({ orderBy: { number: "desc" }, select: { id: true, version: true, number: true } });
  return { ticketId: row.id, version: row.version, reference: formatReference(row.number), token: filed.trackingToken };
}

const version = async (ticketId: string) =>
  (await testDb().ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { version: true } })).version;

/** Everything a merge could touch, per ticket, to compare before and after. */
async function snapshot(ticketId: string) {
  const db = testDb();
  const [ticket, messages, attachments, events, timers] = await Promise.all([
    db.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { version: true, stage: true, closedAt: true, mergedIntoId: true } }),
    db.message.findMany({ where: { ticketId }, select: { id: true }, orderBy: { id: "asc" } }),
    db.attachment.findMany({ where: { ticketId }, select: { id: true }, orderBy: { id: "asc" } }),
    db.ticketEvent.count({ where: { ticketId } }),
    db.slaTimer.findMany({ where: { ticketId }, select: { id: true, fulfilledAt: true }, orderBy: { id: "asc" } }),
  ]);
  return { ticket, messages, attachments, events, timers };
}

describe("merging a duplicate complaint", () => {
  beforeEach(async () => {
    await resetDatabase();
    agent = await staff("agent@tanggap.test", "AGENT");
    supervisor = await staff("supervisor@tanggap.test", "SUPERVISOR");
  });

  it("moves every message and file to the survivor once, closes the duplicate pointing to it, and records it on both", async () => {
    const survivor = await newTicket();
    const duplicate = await newTicket("siti@example.co.id", [testFile(TEST_BYTES.png, "struk.png", "image/png")]);
    await acknowledge({ ...survivor, body: "Terima kasih, Kak Siti. Kami sedang memeriksanya." }, agent, at("23T09:10:00"));
    await acknowledge({ ...duplicate, body: "Terima kasih, Kak Siti. Keluhan Anda kami terima." }, agent, at("23T09:15:00"));
    await customerReply(duplicate.token, "Ini fotonya.", at("23T09:20:00"), [testFile(TEST_BYTES.jpeg, "foto.jpg", "image/jpeg")]);
    await reply(
      {
        ticketId: duplicate.ticketId,
        version: await version(duplicate.ticketId),
        body: "Catatan: pelanggan sama.",
        visibility: "INTERNAL",
        waitForCustomer: false,
      },
      agent,
      at("23T09:25:00"),
    );
    const before = { survivor: await snapshot(survivor.ticketId), duplicate: await snapshot(duplicate.ticketId) };
    expect(before.duplicate.messages).toHaveLength(3);
    expect(before.duplicate.attachments).toHaveLength(2);

    const outcome = await mergeTickets(
      {
        survivor: { ticketId: survivor.ticketId, version: await version(survivor.ticketId) },
        duplicate: { ticketId: duplicate.ticketId, version: await version(duplicate.ticketId) },
      },
      agent,
      at("23T10:00:00"),
    );

    expect(outcome).toEqual({ survivor: survivor.reference, duplicate: duplicate.reference, messages: 3, attachments: 2 });
    const after = { survivor: await snapshot(survivor.ticketId), duplicate: await snapshot(duplicate.ticketId) };
    // Nothing lost, nothing duplicated: the survivor holds exactly both sets, the duplicate none.
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
    expect(ids(after.survivor.messages)).toEqual(ids([...before.survivor.messages, ...before.duplicate.messages]));
    expect(ids(after.survivor.attachments)).toEqual(ids([...before.survivor.attachments, ...before.duplicate.attachments]));
    expect(after.duplicate.messages).toEqual([]);
    expect(after.duplicate.attachments).toEqual([]);
    expect(await testDb().message.count()).toBe(before.survivor.messages.length + before.duplicate.messages.length);
    expect(await testDb().attachment.count()).toBe(before.survivor.attachments.length + before.duplicate.attachments.length);

    expect(after.duplicate.ticket).toEqual({
      version: before.duplicate.ticket.version + 1,
      stage: "CLOSED",
      closedAt: at("23T10:00:00"),
      mergedIntoId: survivor.ticketId,
    });
    expect(after.survivor.ticket.version).toBe(before.survivor.ticket.version + 1);
    // The duplicate's clock stops; the survivor's runs on.
    expect(after.duplicate.timers.every((t) => t.fulfilledAt !== null)).toBe(true);
    expect(after.survivor.timers.some((t) => t.fulfilledAt === null)).toBe(true);

    const events = await testDb().ticketEvent.findMany({
      where: { type: { in: ["ticket.merged", "ticket.mergedInto"] } },
      select: { ticketId: true, type: true, actorId: true, after: true },
      orderBy: { id: "asc" },
    });
    expect(events).toEqual(
      expect.arrayContaining([
        { ticketId: survivor.ticketId, type: "ticket.merged", actorId: agent.id, after: { from: duplicate.reference, sameCustomer: true } },
        {
          ticketId: duplicate.ticketId,
          type: "ticket.mergedInto",
          actorId: agent.id,
          after: { stage: "CLOSED", into: survivor.reference },
        },
      ]),
    );
    expect(events).toHaveLength(2);
    const audit = await testDb().auditLog.findMany({ where: { action: "ticket.merged" }, select: { actorId: true, entityId: true } });
    expect(audit).toEqual([{ actorId: agent.id, entityId: survivor.ticketId }]);

    // The customer is told, in their language, once.
    const mail = await testDb().outboxMessage.findMany({
      where: { ticketId: duplicate.ticketId, dedupeKey: `merged:${duplicate.ticketId}` },
    });
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe(`Keluhan Anda ${duplicate.reference} dilanjutkan di keluhan lain`);
    expect(mail[0]!.body).toContain(survivor.reference);

    // The survivor answers to the moved messages' words in search.
    const found = await testDb().$queryRaw<{ id: string }[]>`
      SELECT id FROM "Ticket" WHERE "searchVector" @@ plainto_tsquery('simple', 'fotonya')`;
    expect(found).toEqual([{ id: survivor.ticketId }]);
  });

  it("leads the duplicate's tracking link to the survivor's page, which shows the moved conversation", async () => {
    const survivor = await newTicket();
    const duplicate = await newTicket();
    await customerReply(duplicate.token, "Saya juga menulis di sini.", at("23T09:20:00"));
    await mergeTickets(
      { survivor: { ticketId: survivor.ticketId, version: await version(survivor.ticketId) }, duplicate: { ticketId: duplicate.ticketId } },
      agent,
      at("23T10:00:00"),
    );

    expect(await mergedTrackingLink(duplicate.token)).toEqual({ kind: "follow", token: survivor.token });
    expect(await mergedTrackingLink(survivor.token)).toBeNull();
    const page = await getTicketByTrackingToken(survivor.token);
    expect(page?.messages.map((m) => m.body)).toContain("Saya juga menulis di sini.");
    // The merged link takes no more replies: the survivor does.
    await expect(customerReply(duplicate.token, "Halo?", at("23T10:05:00"))).rejects.toMatchObject({
      code: "customerRefused",
      details: { code: "closed" },
    });
  });

  it("needs a supervisor for another customer's complaint, and then shows that customer only a notice", async () => {
    const survivor = await newTicket("siti@example.co.id");
    const other = await newTicket("budi@example.co.id");
    const refs = async () => ({
      survivor: { ticketId: survivor.ticketId, version: await version(survivor.ticketId) },
      duplicate: { ticketId: other.ticketId, version: await version(other.ticketId) },
    });

    await expect(mergeTickets(await refs(), agent, at("23T10:00:00"))).rejects.toMatchObject({
      code: "invalidChange",
      details: { code: "mergeOtherCustomer" },
    });
    expect((await snapshot(other.ticketId)).ticket.mergedIntoId).toBeNull();

    await mergeTickets(await refs(), supervisor, at("23T10:01:00"));
    // Budi's link never opens Siti's complaint.
    expect(await mergedTrackingLink(other.token)).toEqual({ kind: "notice", reference: other.reference });
    const mail = await testDb().outboxMessage.findFirstOrThrow({ where: { dedupeKey: `merged:${other.ticketId}` } });
    expect(mail.recipient).toBe("budi@example.co.id");
    expect(mail.body).not.toContain(survivor.reference);
  });

  it("refuses when either ticket changed since the agent saw it, and merges nothing", async () => {
    const survivor = await newTicket();
    const duplicate = await newTicket();
    const seen = { survivor: await version(survivor.ticketId), duplicate: await version(duplicate.ticketId) };
    await setPriority({ ticketId: duplicate.ticketId, version: seen.duplicate, priority: "HIGH" }, supervisor, at("23T09:30:00"));
    const before = await snapshot(duplicate.ticketId);

    await expect(
      mergeTickets(
        {
          survivor: { ticketId: survivor.ticketId, version: seen.survivor },
          duplicate: { ticketId: duplicate.ticketId, version: seen.duplicate },
        },
        agent,
        at("23T10:00:00"),
      ),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await snapshot(duplicate.ticketId)).toEqual(before);
    expect(await version(survivor.ticketId)).toBe(seen.survivor);
  });

  it("is one transaction: a failure after the messages moved leaves both tickets as they were", async () => {
    const survivor = await newTicket();
    const duplicate = await newTicket("siti@example.co.id", [testFile(TEST_BYTES.png, "struk.png", "image/png")]);
    await customerReply(duplicate.token, "Pesan yang tidak boleh hilang.", at("23T09:20:00"));
    const before = { survivor: await snapshot(survivor.ticketId), duplicate: await snapshot(duplicate.ticketId) };
    // The audit row is written after the rows moved: make it fail there.
    await testDb().$executeRawUnsafe(`
      CREATE FUNCTION merge_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected failure'; END $$`);
    await testDb().$executeRawUnsafe(
      `CREATE TRIGGER merge_test_fail BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION merge_test_fail()`,
    );
    try {
      await expect(
        mergeTickets(
          {
            survivor: { ticketId: survivor.ticketId, version: before.survivor.ticket.version },
            duplicate: { ticketId: duplicate.ticketId, version: before.duplicate.ticket.version },
          },
          agent,
          at("23T10:00:00"),
        ),
      ).rejects.toThrow(/injected failure/);
    } finally {
      await testDb().$executeRawUnsafe(`DROP TRIGGER merge_test_fail ON "AuditLog"`);
      await testDb().$executeRawUnsafe(`DROP FUNCTION merge_test_fail()`);
    }
    expect({ survivor: await snapshot(survivor.ticketId), duplicate: await snapshot(duplicate.ticketId) }).toEqual(before);
    expect(await testDb().outboxMessage.count({ where: { dedupeKey: `merged:${duplicate.ticketId}` } })).toBe(0);
  });

  it("refuses a ticket merged into itself, a closed one, and work on a merged duplicate afterwards", async () => {
    const survivor = await newTicket();
    const duplicate = await newTicket();
    const self = { ticketId: survivor.ticketId, version: await version(survivor.ticketId) };
    await expect(mergeTickets({ survivor: self, duplicate: { ticketId: survivor.ticketId } }, agent)).rejects.toMatchObject({
      details: { code: "mergeSelf" },
    });
    await mergeTickets({ survivor: self, duplicate: { ticketId: duplicate.ticketId } }, agent, at("23T10:00:00"));
    await expect(
      mergeTickets(
        {
          survivor: { ticketId: survivor.ticketId, version: await version(survivor.ticketId) },
          duplicate: { ticketId: duplicate.ticketId },
        },
        agent,
      ),
    ).rejects.toMatchObject({ details: { code: "merged" } });
    await expect(
      setPriority({ ticketId: duplicate.ticketId, version: await version(duplicate.ticketId), priority: "URGENT" }, agent),
    ).rejects.toMatchObject({ code: "invalidChange", details: { code: "merged" } });
  });
});
