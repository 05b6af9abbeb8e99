import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import type { Actor } from "@/features/protocol/change-ticket";
import { reply } from "@/features/protocol/commands";
import { acknowledge, recordListening, recordUnderstanding } from "@/features/protocol/hearing-commands";
import { chooseResolution, sendApology } from "@/features/protocol/resolution-commands";
import { customerReply, rateHandling, reopenByCustomer, sendTrackingLink } from "./commands";
import { findAttachmentForDownload, listAttachmentsByTrackingToken } from "@/features/attachments/queries";
import { TEST_BYTES, testFile } from "@/features/attachments/test-files";
import { getTicketByTrackingToken } from "./queries";

const at = (local: string) => new Date(`2026-11-${local}+07:00`);
const narrative = "Kipas angin yang saya beli berbunyi keras sejak pertama dinyalakan.";

let agent: Actor;

async function file(locale: "id" | "en" = "id") {
  const input = complaintSchema(() => "2026-11-23").parse({
    name: "Rudi Hartanto",
    email: "rudi@example.co.id",
    category: "PRODUCT_RETURN",
    narrative,
    desiredOutcome: "Tukar unit",
  });
  const receipt = await fileComplaint(input, locale, at("23T09:00:00"));
  const ticket = await testDb().ticket.findFirstOrThrow({ orderBy: { number: "desc" }, select: { id: true } });
  return { ...receipt, ticketId: ticket.id };
}

const version = async (ticketId: string) =>
  (await testDb().ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { version: true } })).version;
const outbox = () =>
  testDb().outboxMessage.findMany({ orderBy: { createdAt: "asc" }, select: { kind: true, recipient: true, subject: true, body: true } });
const linkIn = (body: string) => /\/track\/([A-Za-z0-9_-]{43})/.exec(body)?.[1];

describe("the customer's side", () => {
  beforeEach(async () => {
    await resetDatabase();
    const user = await testDb().user.create({
      data: { email: "ayu@tanggap.test", name: "Ayu", role: "AGENT", passwordHash: "x" },
      select: { id: true },
    });
    agent = { id: user.id, role: "AGENT" };
  });

  it("mails a receipt in the customer's language with a working private link, without echoing the complaint", async () => {
    const receipt = await file("id");
    const [mail] = await outbox();
    expect(mail).toMatchObject({
      kind: "receipt",
      recipient: "rudi@example.co.id",
      subject: `Keluhan Anda ${receipt.reference} sudah kami terima`,
    });
    expect(mail!.body).not.toContain(narrative);
    expect(linkIn(mail!.body)).toBe(receipt.trackingToken);
    expect((await getTicketByTrackingToken(linkIn(mail!.body)!))?.reference).toBe(receipt.reference);
  });

  it("mails every public staff message, and never an internal note", async () => {
    const { ticketId } = await file("en");
    await acknowledge({ ticketId, version: await version(ticketId), body: "Hello Rudi, we have your complaint." }, agent);
    await reply(
      {
        ticketId,
        version: await version(ticketId),
        body: "Warehouse mislabelled the box.",
        visibility: "INTERNAL",
        waitForCustomer: false,
      },
      agent,
    );
    const mails = await outbox();
    expect(mails.map((m) => m.kind)).toEqual(["receipt", "reply"]);
    expect(mails[1]!.body).toContain("Hello Rudi, we have your complaint.");
    expect(mails.some((m) => m.body.includes("mislabelled"))).toBe(false);
  });

  it("resumes a paused clock when the customer replies, tells the assignee, and makes a stale agent view conflict", async () => {
    const { ticketId, trackingToken } = await file();
    await acknowledge({ ticketId, version: await version(ticketId), body: "Halo Rudi" }, agent, at("23T09:00:00"));
    await reply(
      { ticketId, version: await version(ticketId), body: "Boleh kirim foto struknya?", visibility: "PUBLIC", waitForCustomer: true },
      agent,
      at("23T10:00:00"),
    );
    const seen = await version(ticketId);

    await customerReply(trackingToken, "Ini fotonya, struk tanggal 18.", at("23T15:00:00"));
    const ticket = await testDb().ticket.findUniqueOrThrow({
      where: { id: ticketId },
      select: { waitingOnCustomer: true, stageDueAt: true, version: true },
    });
    expect(ticket.waitingOnCustomer).toBe(false);
    expect(ticket.stageDueAt).toEqual(at("24T14:00:00"));
    expect(ticket.version).toBeGreaterThan(seen);
    expect((await outbox()).at(-1)).toMatchObject({ kind: "notice", recipient: "ayu@tanggap.test" });
    expect(await testDb().message.count({ where: { ticketId, authorType: "CUSTOMER" } })).toBe(1);
    expect(await testDb().notification.findMany({ where: { kind: "customer.replied" }, select: { userId: true, ticketId: true } })).toEqual(
      [{ userId: agent.id, ticketId }],
    );
  });

  it("lets the customer rate once, only after closing, and reopen when unhappy", async () => {
    const { ticketId, trackingToken } = await file();
    await expect(rateHandling(trackingToken, { rating: 5, wouldTrustAgain: true })).rejects.toMatchObject({ code: "customerRefused" });

    const step = async <T>(fn: (v: number) => Promise<T>) => fn(await version(ticketId));
    await step((v) => acknowledge({ ticketId, version: v, body: "Halo" }, agent));
    await step((v) =>
      recordListening(
        {
          ticketId,
          version: v,
          record: {
            factsWhat: "Noisy fan",
            desiredOutcome: "Exchange",
            restatement: "Your fan is noisy.",
            severity: "LOW",
            safetyRisk: false,
          },
          advance: true,
        },
        agent,
      ),
    );
    await step((v) =>
      recordUnderstanding({ ticketId, version: v, rootCause: "OUR_ERROR", finding: "Loose blade", disputed: false, advance: true }, agent),
    );
    const exchange = await testDb().resolutionOption.findFirstOrThrow({
      where: { kind: "EXCHANGE", category: { code: "PRODUCT_RETURN" } },
      select: { id: true },
    });
    await step((v) => chooseResolution({ ticketId, version: v, choice: { optionId: exchange.id }, advance: true }, agent));
    await step((v) =>
      sendApology(
        {
          ticketId,
          version: v,
          body: "Mohon maaf, Rudi: kipas itu berisik karena kesalahan kami saat memeriksa kiriman. Unit pengganti sudah kami kirim sebagai penukaran hari ini.",
        },
        agent,
      ),
    );
    expect((await outbox()).map((m) => m.kind).slice(-2)).toEqual(["apology", "survey"]);

    await rateHandling(trackingToken, { rating: 2, wouldTrustAgain: false, comment: "Replacement is noisy too" });
    await expect(rateHandling(trackingToken, { rating: 5, wouldTrustAgain: true })).rejects.toMatchObject({
      code: "customerRefused",
      details: { code: "alreadyRated" },
    });
    expect(await testDb().ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { rating: true, wouldTrustAgain: true } })).toEqual({
      rating: 2,
      wouldTrustAgain: false,
    });

    await reopenByCustomer(trackingToken, "Unit pengganti juga berisik.");
    expect((await testDb().ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { stage: true } })).stage).toBe("UNDERSTAND");
    expect(await testDb().ticketEvent.count({ where: { ticketId, type: "ticket.reopened", actorType: "CUSTOMER" } })).toBe(1);
  });

  it("mails the link only when the reference and email belong together", async () => {
    const { reference, trackingToken } = await file();
    await sendTrackingLink(reference, "someone.else@example.com");
    await sendTrackingLink("TGP-999999", "rudi@example.co.id");
    await sendTrackingLink("not a reference", "rudi@example.co.id");
    expect((await outbox()).map((m) => m.kind)).toEqual(["receipt"]);
    await sendTrackingLink(reference.toLowerCase(), "rudi@example.co.id");
    const link = (await outbox()).at(-1)!;
    expect(link).toMatchObject({ kind: "link", recipient: "rudi@example.co.id" });
    expect(linkIn(link.body)).toBe(trackingToken);
  });

  it("stores a reply's files with the message, in its transaction, for the token holder alone", async () => {
    const { ticketId, trackingToken } = await file();
    const other = await file("en");
    const reply = await customerReply(trackingToken, "Struk dan foto terlampir.", at("23T11:00:00"), [
      testFile(TEST_BYTES.pdf, "struk.pdf", "application/pdf"),
      testFile(TEST_BYTES.png, "foto kipas.png", "image/png"),
    ]);
    const stored = await testDb().attachment.findMany({
      where: { ticketId },
      orderBy: { fileName: "asc" },
      select: { id: true, fileName: true, contentType: true, messageId: true, createdAt: true },
    });
    expect(stored.map(({ id: _id, ...a }) => a)).toEqual([
      { fileName: "foto kipas.png", contentType: "image/png", messageId: reply.messageId, createdAt: at("23T11:00:00") },
      { fileName: "struk.pdf", contentType: "application/pdf", messageId: reply.messageId, createdAt: at("23T11:00:00") },
    ]);
    expect(reply.attachmentIds.sort()).toEqual(stored.map((a) => a.id).sort());
    expect((await listAttachmentsByTrackingToken(trackingToken)).map((a) => a.messageId)).toEqual([reply.messageId, reply.messageId]);
    expect(await listAttachmentsByTrackingToken(other.trackingToken)).toEqual([]);
    expect(await findAttachmentForDownload(stored[1]!.id, { kind: "token", token: trackingToken })).toMatchObject({
      fileName: "struk.pdf",
      contentType: "application/pdf",
    });
    expect(await findAttachmentForDownload(stored[1]!.id, { kind: "token", token: other.trackingToken })).toBeNull();
  });

  it("keeps nothing of a reply when one of its files is refused", async () => {
    const { ticketId, trackingToken } = await file();
    const before = {
      version: await version(ticketId),
      events: await testDb().ticketEvent.count({ where: { ticketId } }),
      outbox: (await outbox()).length,
    };
    const refused = customerReply(trackingToken, "Ini strukny.", at("23T11:00:00"), [
      testFile(TEST_BYTES.jpeg, "struk.jpg", "image/jpeg"),
      testFile(TEST_BYTES.html, "struk2.jpg", "image/jpeg"),
    ]);
    await expect(refused).rejects.toMatchObject({ details: { problems: [{ index: 1, name: "struk2.jpg", reason: "wrongType" }] } });
    await expect(refused).rejects.toMatchObject({ code: "attachmentsRefused" });
    expect(await testDb().message.count({ where: { ticketId } })).toBe(0);
    expect(await testDb().attachment.count({ where: { ticketId } })).toBe(0);
    expect({
      version: await version(ticketId),
      events: await testDb().ticketEvent.count({ where: { ticketId } }),
      outbox: (await outbox()).length,
    }).toEqual(before);
  });

  it("refuses a token that opens nothing", async () => {
    await file();
    await expect(customerReply("A".repeat(43), "hello")).rejects.toMatchObject({ code: "notFound" });
    await expect(customerReply("short", "hello")).rejects.toMatchObject({ code: "notFound" });
    expect(await testDb().message.count()).toBe(0);
  });
});
