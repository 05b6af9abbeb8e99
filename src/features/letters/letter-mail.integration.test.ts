import { extractText } from "unpdf";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { startSmtpCapture, type SmtpCapture } from "../../../tests/support/smtp-capture";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import { createMailTransport, type MailTransport } from "@/server/mail/transport";
import { drainOutbox } from "@/server/mail/worker";
import { letterDate } from "./compose";
import { sendLetter } from "./send";

// A regulated letter reaches the customer's mailbox with its PDF attached: the bytes stored when it
// was sent, the same the tracking page downloads. Through the real outbox worker and a real SMTP server.

let capture: SmtpCapture;
let smtp: MailTransport;
const quiet = { info() {}, warn() {}, error() {} };

beforeAll(async () => {
  capture = await startSmtpCapture();
  smtp = createMailTransport({ smtpUrl: capture.url, from: "Tanggap <no-reply@tanggap.test>" });
});
afterAll(async () => {
  smtp.close();
  await capture.close();
});
beforeEach(async () => {
  await resetDatabase();
  capture.clear();
});

describe("a letter's mail", () => {
  it("carries the stored PDF of the letter, byte for byte, whose text is the letter's", async () => {
    const filedAt = new Date("2026-12-01T03:00:00Z");
    const dueAt = new Date("2026-12-15T16:59:59Z");
    const filed = await fileComplaint(
      complaintSchema().parse({
        name: "Siti Rahayu",
        email: "siti.lampiran@example.co.id",
        category: "PAYMENT_PROBLEM",
        narrative: "Saya ditagih dua kali untuk satu pesanan dan ingin kelebihannya dikembalikan.",
        desiredOutcome: "Kembalikan kelebihan tagihan",
      }),
      "id",
      filedAt,
    );
    await testDb().ticket.update({ where: { id: filed.ticketId }, data: { regime: "OJK", regulatoryDueAt: dueAt } });
    const agent = await testDb().user.create({
      data: { email: "agent@t.test", name: "Dewi Anggraini", role: "AGENT", passwordHash: "x" },
      select: { id: true, name: true },
    });
    const { version } = await testDb().ticket.findUniqueOrThrow({ where: { id: filed.ticketId }, select: { version: true } });
    const { letterId } = await sendLetter(
      { ticketId: filed.ticketId, version },
      { kind: "ACKNOWLEDGEMENT" },
      { ...agent, role: "AGENT" },
      new Date("2026-12-01T05:00:00Z"),
    );
    const letter = await testDb().letter.findUniqueOrThrow({ where: { id: letterId! } });

    await drainOutbox({ transport: smtp, logger: quiet });
    const mail = await capture.waitFor((m) => m.subject === letter.subject);
    expect(mail.to).toEqual(["siti.lampiran@example.co.id"]);
    expect(mail.text.trim()).toBe(letter.content.trim());
    expect(mail.attachments).toHaveLength(1);
    const attachment = mail.attachments[0]!;
    expect(attachment.contentType).toBe("application/pdf");
    expect(attachment.filename).toBe(`${filed.reference}-acknowledgement-2026-12-01.pdf`);
    const bytes = Buffer.from(attachment.contentBase64, "base64");
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.equals(Buffer.from(letter.pdf))).toBe(true);
    const { text } = await extractText(new Uint8Array(bytes), { mergePages: true });
    expect(text).toContain("Tanda terima pengaduan");
    expect(text).toContain(filed.reference);
    expect(text).toContain(letterDate(dueAt, "id", "OJK"));
  });

  it("attaches nothing to a mail that is not a letter", async () => {
    await testDb().$transaction((tx) =>
      tx.outboxMessage.create({ data: { kind: "notice", recipient: "staf@example.com", subject: "Pemberitahuan", body: "Halo" } }),
    );
    await drainOutbox({ transport: smtp, logger: quiet });
    const mail = await capture.waitFor((m) => m.subject === "Pemberitahuan");
    expect(mail.attachments).toEqual([]);
  });
});
