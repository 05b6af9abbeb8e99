import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ImapFlow } from "imapflow";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { formatReference } from "@/domain/reference";
import { drainOutbox } from "@/server/mail/worker";
import { createMailTransport } from "@/server/mail/transport";
import { ticketReplyAddress } from "@/server/mail/threading";
import { DONE_KEYWORD, pollAllMailboxes, pollMailbox, type MailboxConnection } from "./poller";
import { addMailbox } from "./service";

// Small, so the oversized case needs no megabytes; read once by src/env.ts for this file.
process.env.INBOUND_MAX_BYTES = "200000";

const imap = inject("imap");
let client: ImapFlow;

async function append(raw: string): Promise<void> {
  await client.append("INBOX", raw.replace(/\r?\n/g, "\r\n"));
}

function mail(headers: Record<string, string>, body: string): string {
  const all = { "Message-ID": `<${crypto.randomUUID()}@customer.test>`, Date: new Date().toUTCString(), ...headers };
  return `${Object.entries(all)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n")}\nContent-Type: text/plain; charset=utf-8\n\n${body}\n`;
}

async function flaggedUids(): Promise<number[]> {
  const lock = await client.getMailboxLock("INBOX");
  try {
    // Flags set by the pollers' own sessions, as this session sees them now.
    await client.noop();
    const marked: number[] = [];
    for await (const message of client.fetch("1:*", { uid: true, flags: true })) {
      if (message.flags?.has(DONE_KEYWORD)) marked.push(message.uid);
    }
    return marked;
  } finally {
    lock.release();
  }
}

let mailbox: MailboxConnection;

beforeAll(async () => {
  client = new ImapFlow({ host: imap.host, port: imap.port, secure: false, auth: { user: imap.user, pass: imap.password }, logger: false });
  await client.connect();
});

afterAll(async () => {
  await client.logout();
});

beforeEach(async () => {
  await resetDatabase();
  const lock = await client.getMailboxLock("INBOX");
  try {
    if ((client.mailbox && client.mailbox.exists) || 0) await client.messageDelete("1:*");
  } finally {
    lock.release();
  }
  const admin = await testDb().user.create({
    data: { email: "admin@toko.test", name: "Admin", role: "ADMIN", passwordHash: "x" },
    select: { id: true },
  });
  const id = await addMailbox(admin.id, {
    name: "Bantuan",
    host: imap.host,
    port: imap.port,
    tls: false,
    username: imap.user,
    password: imap.password,
    folder: "INBOX",
    address: "help@toko.test",
  });
  mailbox = await testDb().inboundMailbox.findUniqueOrThrow({
    where: { id },
    select: { id: true, host: true, port: true, tls: true, username: true, secretSealed: true, folder: true },
  });
});

const complaintText =
  "Saya sudah menunggu dua minggu dan pesanan saya belum sampai juga. Tolong dibantu, nomor pesanan 8812.\n\n--\nAni Wijaya\nDikirim dari iPhone saya";

describe("a new mail", () => {
  it("becomes a complaint in triage, through the form's path, and is marked only afterwards", async () => {
    await append(mail({ From: "Ani Wijaya <Ani@Customer.test>", To: "help@toko.test", Subject: "Pesanan belum sampai" }, complaintText));
    const results = await pollAllMailboxes();
    expect(results.get(mailbox.id)).toMatchObject({ imported: 1, quarantined: 0 });

    const ticket = await testDb().ticket.findFirstOrThrow({ include: { customer: true, category: true } });
    expect(ticket.customer).toMatchObject({ email: "ani@customer.test", name: "Ani Wijaya" });
    expect(ticket.locale).toBe("id");
    expect(ticket.needsTriage).toBe(true);
    expect(ticket.category.code).toBe("OTHER");
    expect(ticket.desiredOutcome).toBeNull();
    expect(ticket.narrative).toContain("nomor pesanan 8812");
    expect(ticket.narrative).not.toContain("iPhone");
    expect(ticket.mailThreadId).toMatch(/@customer\.test>$/);

    const receipt = await testDb().outboxMessage.findFirstOrThrow({ where: { ticketId: ticket.id, kind: "receipt" } });
    expect(receipt.recipient).toBe("ani@customer.test");
    expect(receipt.body).toContain("/track/");

    const row = await testDb().inboundMail.findFirstOrThrow();
    expect(row).toMatchObject({ status: "IMPORTED", ticketId: ticket.id, sender: "ani@customer.test" });
    expect(await flaggedUids()).toHaveLength(1);

    // Marked on the server: the next pass finds nothing to do.
    expect((await pollAllMailboxes()).get(mailbox.id)).toMatchObject({ imported: 0 });
    const state = await testDb().inboundMailbox.findUniqueOrThrow({ where: { id: mailbox.id } });
    expect(state.lastPollAt).not.toBeNull();
    expect(state.lastError).toBeNull();
  });

  it("never renames or re-phones a customer we know, and guesses English", async () => {
    await testDb().customer.create({ data: { email: "siti@customer.test", name: "Siti Rahayu", phone: "+62811000111", locale: "id" } });
    await append(
      mail(
        { From: "Somebody Else <siti@customer.test>", To: "help@toko.test", Subject: "Broken kettle" },
        "The kettle I bought last week stopped working and I would like a refund for it.",
      ),
    );
    await pollAllMailboxes();
    const ticket = await testDb().ticket.findFirstOrThrow({ include: { customer: true } });
    expect(ticket.customer).toMatchObject({ name: "Siti Rahayu", phone: "+62811000111" });
    expect(ticket.contactName).toBe("Somebody Else");
    expect(ticket.locale).toBe("en");
  });
});

describe("a reply", () => {
  async function fileOne() {
    await append(mail({ From: "Ani Wijaya <ani@customer.test>", To: "help@toko.test", Subject: "Pesanan" }, complaintText));
    await pollAllMailboxes();
    return testDb().ticket.findFirstOrThrow({ select: { id: true, number: true, mailThreadId: true } });
  }

  it("threads onto its ticket by the reply address, without the quoted history", async () => {
    const ticket = await fileOne();
    const to = (await ticketReplyAddress(formatReference(ticket.number)))!;
    expect(to).toMatch(/^help\+tgp-\d+\.[0-9a-f]{10}@toko\.test$/);
    await append(
      mail(
        { From: "ani@customer.test", To: to, Subject: "Re: Pesanan" },
        "Nomor resinya JNE 123456.\n\nPada Sen, 30 Nov 2026 pukul 10.00 Tanggap <help@toko.test> menulis:\n> Terima kasih, keluhan Anda sudah kami terima.",
      ),
    );
    expect((await pollAllMailboxes()).get(mailbox.id)).toMatchObject({ imported: 1 });
    expect(await testDb().ticket.count()).toBe(1);
    const message = await testDb().message.findFirstOrThrow({ where: { ticketId: ticket.id } });
    expect(message).toMatchObject({ authorType: "CUSTOMER", visibility: "PUBLIC", body: "Nomor resinya JNE 123456." });
    const events = await testDb().ticketEvent.findMany({ where: { ticketId: ticket.id }, select: { type: true } });
    expect(events.map((e) => e.type)).toContain("customer.replied");
  });

  it("threads by In-Reply-To from the customer, but a stranger's mail with the same header files its own complaint", async () => {
    const ticket = await fileOne();
    await append(
      mail(
        { From: "ani@customer.test", To: "help@toko.test", Subject: "Re: Pesanan", "In-Reply-To": ticket.mailThreadId! },
        "On Mon, 30 Nov 2026 at 10:00, Tanggap <help@toko.test> wrote:\n> old text",
      ),
    );
    await append(
      mail(
        { From: "ani@customer.test", To: "help@toko.test", Subject: "Re: Pesanan", References: `${ticket.mailThreadId!} <other@x>` },
        "Sudah saya kirim fotonya.\n\nOn Mon, 30 Nov 2026 at 10:00, Tanggap <help@toko.test> wrote:\n> old text",
      ),
    );
    await append(
      mail(
        { From: "mallory@evil.test", To: "help@toko.test", Subject: "Re: Pesanan", "In-Reply-To": ticket.mailThreadId! },
        "Please change the delivery address of this order to my house.",
      ),
    );
    const result = (await pollAllMailboxes()).get(mailbox.id);
    // The first reply is nothing but quoted history: recorded, not added.
    expect(result).toMatchObject({ imported: 2, ignored: 1 });
    const messages = await testDb().message.findMany({ where: { ticketId: ticket.id }, select: { body: true } });
    expect(messages.map((m) => m.body)).toEqual(["Sudah saya kirim fotonya."]);
    expect(await testDb().ticket.count()).toBe(2);
  });

  it("marks our outgoing mail with the thread and the reply address", async () => {
    const ticket = await fileOne();
    const dir = await mkdtemp(join(tmpdir(), "inbound-outbox-"));
    try {
      const transport = createMailTransport({ outboxDir: dir, from: "Tanggap <help@toko.test>" });
      await drainOutbox({ transport });
      transport.close();
      const [file] = await readdir(dir);
      const sent = await simpleParser(await readFile(join(dir, file!)));
      expect(sent.inReplyTo).toBe(ticket.mailThreadId);
      expect(sent.references).toEqual([ticket.mailThreadId, `<ticket-${ticket.id}@tanggap.test>`]);
      expect(sent.replyTo?.text).toMatch(/help\+tgp-\d+\.[0-9a-f]{10}@toko\.test/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("mail that is never answered or cannot be imported", () => {
  it("ignores auto-replies, list mail and bounces, and answers none of them", async () => {
    await append(
      mail(
        { From: "ani@customer.test", To: "help@toko.test", Subject: "Out of office", "Auto-Submitted": "auto-replied" },
        "I am away until Monday.",
      ),
    );
    await append(mail({ From: "news@shop.test", To: "help@toko.test", Subject: "Promo", Precedence: "bulk" }, "Big sale this week only!"));
    await append(
      [
        "From: Mail Delivery System <MAILER-DAEMON@mx.customer.test>",
        "To: help@toko.test",
        "Subject: Undelivered Mail Returned to Sender",
        `Message-ID: <${crypto.randomUUID()}@mx.customer.test>`,
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
        "",
        "--b",
        "Content-Type: text/plain",
        "",
        "Your message could not be delivered.",
        "--b",
        "Content-Type: message/delivery-status",
        "",
        "Reporting-MTA: dns; mx.customer.test",
        "",
        "Final-Recipient: rfc822; nobody@customer.test",
        "Action: failed",
        "Status: 5.1.1",
        "--b--",
        "",
      ].join("\n"),
    );
    expect((await pollAllMailboxes()).get(mailbox.id)).toMatchObject({ imported: 0, ignored: 3 });
    const rows = await testDb().inboundMail.findMany({ select: { status: true, reason: true }, orderBy: { uid: "asc" } });
    expect(rows).toEqual([
      { status: "IGNORED", reason: "autoReply" },
      { status: "IGNORED", reason: "list" },
      { status: "IGNORED", reason: "bounce" },
    ]);
    expect(await testDb().ticket.count()).toBe(0);
    expect(await testDb().outboxMessage.count()).toBe(0);
    expect(await flaggedUids()).toHaveLength(3);
  });

  it("quarantines malformed, oversized and refused-file mail with the reason, keeps it, and goes on", async () => {
    await append("this is not a mail message at all\n");
    await append(mail({ From: "big@customer.test", To: "help@toko.test", Subject: "Big" }, "x".repeat(250_000)));
    await append(
      [
        "From: ani@customer.test",
        "To: help@toko.test",
        "Subject: Program",
        `Message-ID: <${crypto.randomUUID()}@customer.test>`,
        'Content-Type: multipart/mixed; boundary="b"',
        "",
        "--b",
        "Content-Type: text/plain",
        "",
        "Please run the attached program, it shows the problem with my order.",
        "--b",
        'Content-Type: application/x-msdownload; name="run.exe"',
        'Content-Disposition: attachment; filename="run.exe"',
        "Content-Transfer-Encoding: base64",
        "",
        Buffer.from("MZ\u0090\u0000 not really a program").toString("base64"),
        "--b--",
        "",
      ].join("\n"),
    );
    await append(
      mail({ From: "ani@customer.test", To: "help@toko.test", Subject: "Fine" }, "My order arrived broken, the screen is cracked."),
    );
    expect((await pollAllMailboxes()).get(mailbox.id)).toMatchObject({ imported: 1, quarantined: 3 });
    const rows = await testDb().inboundMail.findMany({ select: { status: true, reason: true, raw: true }, orderBy: { uid: "asc" } });
    expect(rows.map((r) => [r.status, r.reason])).toEqual([
      ["QUARANTINED", "unparsable"],
      ["QUARANTINED", "tooLarge"],
      ["QUARANTINED", "refusedFile"],
      ["IMPORTED", null],
    ]);
    // Kept: the malformed and refused ones in the database; the oversized one on the mail server.
    expect(rows[0]!.raw?.length).toBeGreaterThan(0);
    expect(rows[2]!.raw?.length).toBeGreaterThan(0);
    expect(await testDb().ticket.count()).toBe(1);
    expect(await testDb().attachment.count()).toBe(0);
  });

  it("limits what one sender can make us do", async () => {
    process.env.INBOUND_LIMIT_PER_SENDER = "20";
    for (let i = 0; i < 22; i++) {
      await append(
        mail({ From: "flood@customer.test", To: "help@toko.test", Subject: `Keluhan ${i}` }, `Keluhan nomor ${i}: barang saya rusak.`),
      );
    }
    expect((await pollAllMailboxes()).get(mailbox.id)).toMatchObject({ imported: 20, quarantined: 2 });
    const limited = await testDb().inboundMail.count({ where: { reason: "rateLimited" } });
    expect(limited).toBe(2);
  });
});

describe("several pollers", () => {
  it("import each message exactly once when they race on one mailbox", async () => {
    for (let i = 0; i < 4; i++) {
      await append(
        mail({ From: `c${i}@customer.test`, To: "help@toko.test", Subject: `No ${i}` }, `Barang nomor ${i} yang saya terima rusak.`),
      );
    }
    const [a, b] = await Promise.all([pollMailbox(mailbox), pollMailbox(mailbox)]);
    expect(a.imported + b.imported).toBe(4);
    expect(await testDb().ticket.count()).toBe(4);
    expect(await testDb().inboundMail.count({ where: { status: "IMPORTED" } })).toBe(4);
    // Whatever one skipped while the other held it is marked by the next pass.
    await pollMailbox(mailbox);
    expect(await flaggedUids()).toHaveLength(4);
    expect(await testDb().ticket.count()).toBe(4);
  });
});
