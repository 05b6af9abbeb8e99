import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { failingFirst } from "../../../tests/support/flaky-db";
import { startSmtpCapture, type SmtpCapture } from "../../../tests/support/smtp-capture";
import { createPrismaClient, type Db } from "../db/create-client";
import { metrics } from "../ops/metrics";
import { enqueueMail, type OutgoingMail } from "./outbox";
import { createMailTransport, type MailTransport } from "./transport";
import { drainOutbox, LAST_ERROR_MAX, runMailWorker } from "./worker";

const FROM = "Tanggap <no-reply@tanggap.test>";
const quiet = { info() {}, warn() {}, error() {} };

// What /api/metrics reports as tanggap_outbox_claim_takeovers_total{channel="email"}.
async function emailTakeovers(): Promise<number> {
  const { values } = await metrics().claimTakeovers.get();
  return values.find((v) => v.labels.channel === "email")?.value ?? 0;
}

let capture: SmtpCapture;
let smtp: MailTransport;

beforeAll(async () => {
  capture = await startSmtpCapture();
  smtp = createMailTransport({ smtpUrl: capture.url, from: FROM });
});
afterAll(async () => {
  smtp.close();
  await capture.close();
});
beforeEach(async () => {
  await resetDatabase();
  capture.clear();
  capture.accept();
});

function mail(n: number, overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return { kind: "notice", to: `pelanggan${n}@example.com`, subject: `Keluhan #${n}`, text: `Pesan ${n}`, ...overrides };
}

async function enqueue(...mails: OutgoingMail[]): Promise<void> {
  await testDb().$transaction(async (tx) => {
    for (const m of mails) await enqueueMail(tx, m);
  });
}

async function rows() {
  return testDb().outboxMessage.findMany({
    orderBy: { recipient: "asc" },
    select: {
      id: true,
      recipient: true,
      status: true,
      attempts: true,
      sentAt: true,
      lockedUntil: true,
      lastError: true,
      nextAttemptAt: true,
    },
  });
}

/** Makes every waiting mail due now, as if its retry delay had passed. */
async function fastForward(): Promise<void> {
  await testDb().$executeRaw`UPDATE "OutboxMessage" SET "nextAttemptAt" = now() - interval '1 second' WHERE status = 'PENDING'`;
}

const drain = (options: Parameters<typeof drainOutbox>[0] = {}) =>
  drainOutbox({ db: testDb(), transport: smtp, logger: quiet, ...options });

describe("drainOutbox over SMTP", () => {
  it("delivers each enqueued mail once, with its recipient, subject, text and html, Indonesian text intact", async () => {
    const text =
      "Halo Bu Siti,\n\nKeluhan Anda tentang pengembalian dana Rp 150.000 sudah kami terima — terima kasih atas kesabaran Anda. Kami akan menghubungi Anda dalam 1×24 jam.\n\nSalam hangat,\nTim Layanan Pelanggan ✓";
    await enqueue(
      {
        kind: "receipt",
        to: "siti.rahayu@example.co.id",
        subject: "Keluhan Anda sudah kami terima — TGP-0001",
        text,
        html: "<p>Keluhan Anda sudah kami terima — <strong>terima kasih</strong>.</p>",
      },
      mail(2),
    );

    expect(await drain()).toEqual({ sent: 2, retried: 0, failed: 0 });

    expect(capture.mails).toHaveLength(2);
    const got = capture.mails.find((m) => m.to[0] === "siti.rahayu@example.co.id")!;
    expect(got.envelope.to).toEqual(["siti.rahayu@example.co.id"]);
    expect(got.from).toEqual(["no-reply@tanggap.test"]);
    expect(got.subject).toBe("Keluhan Anda sudah kami terima — TGP-0001");
    expect(got.text.trim()).toBe(text);
    expect(got.html).toContain("<strong>terima kasih</strong>");
    const plain = capture.mails.find((m) => m.to[0] === "pelanggan2@example.com")!;
    expect(plain.html).toBeNull();

    const stored = await rows();
    expect(stored.map((r) => [r.status, r.attempts, r.lockedUntil])).toEqual([
      ["SENT", 1, null],
      ["SENT", 1, null],
    ]);
    expect(stored.every((r) => r.sentAt instanceof Date)).toBe(true);
    // The Message-ID and header name the row, so a repeat could be recognised downstream.
    const row = stored.find((r) => r.recipient === "siti.rahayu@example.co.id")!;
    expect(got.outboxId).toBe(row.id);
    expect(got.messageId).toBe(`<${row.id}@tanggap.test>`);

    expect(await drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(capture.mails).toHaveLength(2);
  });

  it("delivers every mail exactly once when several workers with their own connections drain at once", async () => {
    const count = 40;
    await enqueue(...Array.from({ length: count }, (_, i) => mail(i)));
    const url = inject("databaseUrl");
    const instances: Db[] = [createPrismaClient(url, 2), createPrismaClient(url, 2), createPrismaClient(url, 2)];
    try {
      const results = await Promise.all(instances.map((db) => drain({ db, batchSize: 3 })));
      expect(results.reduce((n, r) => n + r.sent, 0)).toBe(count);
    } finally {
      await Promise.all(instances.map((db) => db.$disconnect()));
    }

    expect(capture.mails).toHaveLength(count);
    const ids = capture.mails.map((m) => m.outboxId);
    expect(new Set(ids).size).toBe(count);
    const stored = await rows();
    expect(new Set(stored.map((r) => r.id))).toEqual(new Set(ids));
    expect(stored.every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
  });

  it("never hands one row to two of many workers racing for it", async () => {
    const count = 120;
    await testDb().outboxMessage.createMany({
      data: Array.from({ length: count }, (_, i) => ({ recipient: `r${i}@example.com`, subject: `s${i}`, body: "b" })),
    });
    const sends = new Map<string, number>();
    const counting = (worker: number): MailTransport => ({
      kind: "file",
      target: `worker ${worker}`,
      async send(message) {
        sends.set(message.id, (sends.get(message.id) ?? 0) + 1);
        perWorker[worker]!++;
      },
      close() {},
    });
    const perWorker = [0, 0, 0, 0, 0, 0];
    const url = inject("databaseUrl");
    const instances = perWorker.map(() => createPrismaClient(url, 1));
    try {
      await Promise.all(instances.map((db, i) => drain({ db, transport: counting(i), batchSize: 2 })));
    } finally {
      await Promise.all(instances.map((db) => db.$disconnect()));
    }
    expect(sends.size).toBe(count);
    expect([...sends.values()].every((n) => n === 1)).toBe(true);
    expect(await testDb().outboxMessage.count({ where: { status: "SENT", attempts: 1 } })).toBe(count);
  });

  it("retries a mail the server refuses for now after a backoff, recording why, then delivers it", async () => {
    await enqueue(mail(1));
    capture.refuse(451, "4.3.0 Mailbox temporarily unavailable");

    const before = Date.now();
    expect(await drain({ random: () => 0.5 })).toEqual({ sent: 0, retried: 1, failed: 0 });
    let [row] = await rows();
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lockedUntil: null, sentAt: null });
    expect(row!.lastError).toContain("451");
    expect(row!.lastError).toContain("Mailbox temporarily unavailable");
    // 30 s × 2¹ with the jitter pinned to the middle: one minute from now.
    const delay = row!.nextAttemptAt.getTime() - before;
    expect(delay).toBeGreaterThan(55_000);
    expect(delay).toBeLessThan(65_000);

    // Not due yet: nothing is tried.
    capture.accept();
    expect(await drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(capture.refusals).toBe(1);

    await fastForward();
    expect(await drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    [row] = await rows();
    expect(row).toMatchObject({ status: "SENT", attempts: 2 });
    expect(capture.mails).toHaveLength(1);
  });

  it("waits longer after each failure", async () => {
    await enqueue(mail(1));
    capture.refuse(421, "Service not available");
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = Date.now();
      await drain({ random: () => 0.5 });
      const [row] = await rows();
      delays.push(Math.round((row!.nextAttemptAt.getTime() - before) / 60_000));
      await fastForward();
    }
    expect(delays).toEqual([1, 2, 4]);
  });

  it("gives a mail up as FAILED after the last attempt, and leaves it alone afterwards", async () => {
    await enqueue(mail(1));
    capture.refuse(451);
    const outcomes = [];
    for (let i = 0; i < 3; i++) {
      outcomes.push(await drain({ maxAttempts: 3 }));
      await fastForward();
    }
    expect(outcomes).toEqual([
      { sent: 0, retried: 1, failed: 0 },
      { sent: 0, retried: 1, failed: 0 },
      { sent: 0, retried: 0, failed: 1 },
    ]);
    const [row] = await rows();
    expect(row).toMatchObject({ status: "FAILED", attempts: 3, lockedUntil: null, sentAt: null });
    expect(row!.lastError).toContain("451");

    capture.accept();
    expect(await drain({ maxAttempts: 3 })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(capture.refusals).toBe(3);
    expect(capture.mails).toHaveLength(0);
  });

  it("fails a mail at once when the server refuses its recipient for good", async () => {
    await enqueue(mail(1));
    capture.refuse(550, "5.1.1 No such user");
    expect(await drain()).toEqual({ sent: 0, retried: 0, failed: 1 });
    const [row] = await rows();
    expect(row).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(row!.lastError).toContain("No such user");
  });

  it("keeps the recorded error short", async () => {
    await enqueue(mail(1));
    const failing: MailTransport = { kind: "smtp", target: "test", send: () => Promise.reject(new Error("y".repeat(5_000))), close() {} };
    await drain({ transport: failing });
    const [row] = await rows();
    expect(row!.lastError).toHaveLength(LAST_ERROR_MAX);
  });

  it("takes over a mail whose sender's lease ran out, and leaves one still leased alone", async () => {
    const db = testDb();
    const lapsed = await db.outboxMessage.create({
      data: {
        recipient: "lapsed@example.com",
        subject: "Lapsed",
        body: "b",
        status: "SENDING",
        attempts: 1,
        lockedUntil: new Date(Date.now() - 60_000),
      },
    });
    const held = await db.outboxMessage.create({
      data: {
        recipient: "held@example.com",
        subject: "Held",
        body: "b",
        status: "SENDING",
        attempts: 1,
        lockedUntil: new Date(Date.now() + 10 * 60_000),
      },
    });

    const takeoversBefore = await emailTakeovers();
    expect(await drain()).toEqual({ sent: 1, retried: 0, failed: 0 });

    expect(await emailTakeovers()).toBe(takeoversBefore + 1);
    expect(capture.mails.map((m) => m.outboxId)).toEqual([lapsed.id]);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: lapsed.id } })).toMatchObject({
      status: "SENT",
      attempts: 2,
      lockedUntil: null,
    });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ status: "SENDING", attempts: 1 });
  });

  it("does not overwrite what the worker that took a mail over recorded", async () => {
    await enqueue(mail(1));
    // While this worker sends, its claim lapses and another worker claims the row (attempts 2).
    const slow: MailTransport = {
      kind: "smtp",
      target: "test",
      async send(message) {
        await testDb()
          .$executeRaw`UPDATE "OutboxMessage" SET attempts = attempts + 1, "lockedUntil" = now() + interval '5 minutes' WHERE id = ${message.id}::uuid`;
      },
      close() {},
    };
    expect(await drain({ transport: slow })).toEqual({ sent: 0, retried: 0, failed: 0 });
    const [row] = await rows();
    expect(row).toMatchObject({ status: "SENDING", attempts: 2, sentAt: null });
  });

  it("never sends a mail enqueued in a transaction that rolled back", async () => {
    await expect(
      testDb().$transaction(async (tx) => {
        await enqueueMail(tx, mail(1));
        throw new Error("the ticket change failed");
      }),
    ).rejects.toThrow("the ticket change failed");

    expect(await testDb().outboxMessage.count()).toBe(0);
    expect(await drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(capture.mails).toHaveLength(0);
  });

  it("sends a mail enqueued twice with one dedupe key once", async () => {
    await enqueue(mail(1, { dedupeKey: "receipt:T-1" }));
    await enqueue(mail(1, { dedupeKey: "receipt:T-1" }));
    expect(await drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(capture.mails).toHaveLength(1);
  });
});

describe("drainOutbox without SMTP", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "tanggap-outbox-"));
  });

  it("writes each mail as an RFC 822 file named after its creation time and id", async () => {
    await enqueue(mail(1, { subject: "Permintaan maaf — TGP-0002", text: "Mohon maaf atas ketidaknyamanan ini." }));
    const transport = createMailTransport({ outboxDir: dir, from: FROM });
    try {
      expect(await drain({ transport })).toEqual({ sent: 1, retried: 0, failed: 0 });
    } finally {
      transport.close();
    }
    const row = await testDb().outboxMessage.findFirstOrThrow();
    const files = await readdir(dir);
    expect(files).toEqual([`${row.createdAt.toISOString().replace(/[-:.]/g, "")}-${row.id}.eml`]);
    const raw = await readFile(join(dir, files[0]!));
    expect(raw.toString("latin1")).toContain("\r\n");
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe("Permintaan maaf — TGP-0002");
    expect(parsed.text?.trim()).toBe("Mohon maaf atas ketidaknyamanan ini.");
    expect(row.status).toBe("SENT");
    await rm(dir, { recursive: true, force: true });
  });
});

describe("runMailWorker", () => {
  it("keeps going while the database is unreachable and delivers once it answers again", async () => {
    await enqueue(mail(1));
    const flaky = failingFirst(testDb(), "$queryRaw", 3);
    const errors: unknown[][] = [];
    const controller = new AbortController();
    const running = runMailWorker({
      db: flaky,
      transport: smtp,
      signal: controller.signal,
      intervalMs: 50,
      logger: { ...quiet, error: (...args: unknown[]) => errors.push(args) },
    });

    const got = await capture.waitFor((m) => m.to[0] === "pelanggan1@example.com", 15_000);
    expect(got.subject).toBe("Keluhan #1");
    controller.abort();
    await expect(running).resolves.toBeUndefined();
    expect(errors).toHaveLength(3);
    expect(String(errors[0]![1])).toContain("ECONNREFUSED");
    expect((await rows())[0]).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("sends mail enqueued while it runs, and stops when told", async () => {
    const controller = new AbortController();
    const running = runMailWorker({ db: testDb(), transport: smtp, signal: controller.signal, intervalMs: 50, logger: quiet });
    await enqueue(mail(7));
    await capture.waitFor((m) => m.subject === "Keluhan #7", 10_000);
    controller.abort();
    await running;
    await enqueue(mail(8));
    await new Promise((r) => setTimeout(r, 200));
    expect(capture.mails.map((m) => m.subject)).toEqual(["Keluhan #7"]);
  });
});
