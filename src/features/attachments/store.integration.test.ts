import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import { listAttachmentsByTrackingToken, listTicketAttachments } from "./queries";
import { storeAttachments } from "./store";
import { bigJpeg, TEST_BYTES, testFile } from "./test-files";

const MB = 1024 * 1024;
const input = complaintSchema(() => "2026-11-23").parse({
  name: "Dewi Lestari",
  email: "dewi@example.co.id",
  category: "PAYMENT_PROBLEM",
  narrative: "Saya ditagih dua kali untuk pembelian yang sama; struk terlampir.",
  desiredOutcome: "Kembalikan kelebihan bayar",
});
const monday9 = new Date("2026-11-23T09:00:00+07:00");

async function counts() {
  const db = testDb();
  const [tickets, customers, attachments, blobs, events, outbox] = await Promise.all([
    db.ticket.count(),
    db.customer.count(),
    db.attachment.count(),
    db.attachmentBlob.count(),
    db.ticketEvent.count(),
    db.outboxMessage.count(),
  ]);
  return { tickets, customers, attachments, blobs, events, outbox };
}

describe("attachments filed with a complaint", () => {
  beforeEach(resetDatabase);

  it("are stored with the ticket, in its transaction: sniffed type, safe name, size, SHA-256 and bytes", async () => {
    const receipt = await fileComplaint(input, "id", monday9, [
      testFile(TEST_BYTES.jpeg, "struk.jpg", "image/jpeg"),
      testFile(TEST_BYTES.pdf, "C:\\fakepath\\tagihan\u202eFDP.exe", "application/x-msdownload"),
    ]);
    const ticket = await testDb().ticket.findFirstOrThrow({ select: { id: true, createdAt: true } });
    const stored = await testDb().attachment.findMany({ where: { ticketId: ticket.id }, orderBy: { fileName: "desc" } });
    expect(
      stored.map((a) => ({ fileName: a.fileName, contentType: a.contentType, size: a.size, messageId: a.messageId, sha256: a.sha256 })),
    ).toEqual([
      {
        fileName: "tagihanFDP.exe.pdf",
        contentType: "application/pdf",
        size: TEST_BYTES.pdf.length,
        messageId: null,
        sha256: createHash("sha256").update(TEST_BYTES.pdf).digest("hex"),
      },
      {
        fileName: "struk.jpg",
        contentType: "image/jpeg",
        size: TEST_BYTES.jpeg.length,
        messageId: null,
        sha256: createHash("sha256").update(TEST_BYTES.jpeg).digest("hex"),
      },
    ]);
    // Without S3_URL the bytes stay in PostgreSQL, under the row's key.
    expect(stored.every((a) => a.storage === "POSTGRES" && a.storageKey === `attachments/${a.id}`)).toBe(true);
    const blob = await testDb().attachmentBlob.findUniqueOrThrow({ where: { key: stored[0]!.storageKey } });
    expect(Buffer.from(blob.data).equals(Buffer.from(TEST_BYTES.pdf))).toBe(true);
    // Dated with the filing, so the agent sees them beside it.
    expect(stored.every((a) => a.createdAt.getTime() === ticket.createdAt.getTime())).toBe(true);
    expect((await listAttachmentsByTrackingToken(receipt.trackingToken)).map((a) => a.fileName).sort()).toEqual([
      "struk.jpg",
      "tagihanFDP.exe.pdf",
    ]);
  });

  it("stores fifteen megabytes in three files", async () => {
    await fileComplaint(input, "id", monday9, [bigJpeg(5 * MB, "a.jpg"), bigJpeg(5 * MB, "b.jpg"), bigJpeg(5 * MB, "c.jpg")]);
    const sizes = await testDb().attachment.findMany({ select: { size: true } });
    expect(sizes.map((s) => s.size)).toEqual([5 * MB, 5 * MB, 5 * MB]);
  });

  it("store nothing of the complaint when one file is refused", async () => {
    const before = await counts();
    const refused = fileComplaint(input, "id", monday9, [
      testFile(TEST_BYTES.png, "ok.png", "image/png"),
      testFile(TEST_BYTES.html, "photo.png", "image/png"),
    ]);
    await expect(refused).rejects.toMatchObject({ code: "attachmentsRefused" });
    await expect(refused).rejects.toMatchObject({ details: { problems: [{ index: 1, name: "photo.png", reason: "wrongType" }] } });
    expect(await counts()).toEqual(before);
  });

  it("store nothing when there are too many files or too many bytes", async () => {
    const before = await counts();
    const six = Array.from({ length: 6 }, (_, i) => testFile(TEST_BYTES.gif, `g${i}.gif`));
    await expect(fileComplaint(input, "id", monday9, six)).rejects.toMatchObject({ code: "attachmentsRefused" });
    const heavy = [bigJpeg(5 * MB, "a.jpg"), bigJpeg(5 * MB, "b.jpg"), bigJpeg(5 * MB, "c.jpg"), testFile(TEST_BYTES.png, "d.png")];
    await expect(fileComplaint(input, "id", monday9, heavy)).rejects.toMatchObject({
      details: { problems: [{ index: 3, reason: "totalTooLarge" }] },
    });
    expect(await counts()).toEqual(before);
  });
});

describe("storeAttachments for a reply", () => {
  beforeEach(resetDatabase);

  it("ties the files to the message, and rolls back with the caller's transaction", async () => {
    const receipt = await fileComplaint(input, "id", monday9);
    const ticket = await testDb().ticket.findFirstOrThrow({ select: { id: true } });

    const stored = await testDb().$transaction(async (tx) => {
      const message = await tx.message.create({
        data: { ticketId: ticket.id, authorType: "CUSTOMER", body: "Ini buktinya." },
        select: { id: true },
      });
      return {
        messageId: message.id,
        files: await storeAttachments(tx, { ticketId: ticket.id, messageId: message.id, files: [testFile(TEST_BYTES.webp, "bukti.webp")] }),
      };
    });
    expect(stored.files).toEqual([
      { id: expect.any(String), fileName: "bukti.webp", contentType: "image/webp", size: TEST_BYTES.webp.length },
    ]);
    expect((await listTicketAttachments(ticket.id)).map((a) => a.messageId)).toEqual([stored.messageId]);

    const messagesBefore = await testDb().message.count();
    await expect(
      testDb().$transaction(async (tx) => {
        const message = await tx.message.create({
          data: { ticketId: ticket.id, authorType: "CUSTOMER", body: "Dan ini." },
          select: { id: true },
        });
        await storeAttachments(tx, { ticketId: ticket.id, messageId: message.id, files: [testFile(TEST_BYTES.svg, "bukti.png")] });
      }),
    ).rejects.toMatchObject({ code: "attachmentsRefused" });
    expect(await testDb().message.count()).toBe(messagesBefore);
    expect(await testDb().attachment.count()).toBe(1);
    expect(await listAttachmentsByTrackingToken(receipt.trackingToken)).toHaveLength(1);
  });

  it("does not show the customer a file on an internal note", async () => {
    const receipt = await fileComplaint(input, "id", monday9, [testFile(TEST_BYTES.pdf, "struk.pdf")]);
    const ticket = await testDb().ticket.findFirstOrThrow({ select: { id: true } });
    await testDb().$transaction(async (tx) => {
      const note = await tx.message.create({
        data: { ticketId: ticket.id, authorType: "STAFF", visibility: "INTERNAL", body: "Bank statement" },
        select: { id: true },
      });
      await storeAttachments(tx, { ticketId: ticket.id, messageId: note.id, files: [testFile(TEST_BYTES.png, "mutasi.png")] });
    });
    expect((await listAttachmentsByTrackingToken(receipt.trackingToken)).map((a) => a.fileName)).toEqual(["struk.pdf"]);
    expect((await listTicketAttachments(ticket.id)).map((a) => a.fileName)).toEqual(["struk.pdf", "mutasi.png"]);
  });
});
