import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { SIGNATURE_HEADER, verifyWebhookSignature, WEBHOOK_EVENT_SOURCES } from "@/domain/webhooks";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import { reply } from "@/features/protocol/commands";
import { disableWebhook, registerWebhook } from "@/features/webhooks/service";
import { drainOutbox } from "../mail/worker";
import { drainWebhooks } from "./worker";

// A real receiver: a node http server on 127.0.0.1, reached over real TCP. Loopback is allowed only
// where a test says so (allowPrivate, the WEBHOOK_ALLOW_PRIVATE setting); by default it is refused.

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let server: Server;
let port: number;
const received: Received[] = [];
const answers: number[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.statusCode = answers.shift() ?? 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const input = complaintSchema().parse({
  name: "Budi Santoso",
  email: "budi@example.co.id",
  category: "PAYMENT_PROBLEM",
  narrative: "I was charged twice for the same order at the store yesterday.",
  desiredOutcome: "Refund of the second charge",
});

let admin: { id: string; role: "ADMIN" };
const quiet = { info() {}, warn() {}, error() {} };

describe("webhooks", () => {
  beforeEach(async () => {
    await resetDatabase();
    received.length = 0;
    answers.length = 0;
    const user = await testDb().user.create({
      data: { email: "admin@tanggap.test", name: "Admin", role: "ADMIN", passwordHash: "x" },
      select: { id: true },
    });
    admin = { id: user.id, role: "ADMIN" };
  });

  it("delivers each subscribed ticket event, signed with the endpoint's secret, written in the event's own transaction", async () => {
    const { secret } = await registerWebhook(
      admin.id,
      { url: `http://127.0.0.1:${port}/hooks/tanggap`, events: ["ticket.created", "ticket.message_added"] },
      { allowPrivate: true },
    );
    expect(secret).toMatch(/^whsec_/);
    await fileComplaint(input, "en");
    const ticket = await testDb().ticket.findFirstOrThrow({ select: { id: true, version: true } });
    await reply(
      { ticketId: ticket.id, version: ticket.version, body: "We are checking the charge.", visibility: "PUBLIC", waitForCustomer: false },
      admin,
    );
    const queued = await testDb().outboxMessage.findMany({
      where: { channel: "webhook" },
      orderBy: { createdAt: "asc" },
      select: { kind: true, status: true },
    });
    expect(queued).toEqual([
      { kind: "ticket.created", status: "PENDING" },
      { kind: "ticket.message_added", status: "PENDING" },
    ]);

    // The mail worker leaves webhook rows alone.
    await drainOutbox({ transport: { kind: "file", target: "memory", send: async () => {}, close() {} }, logger: quiet });
    expect(await testDb().outboxMessage.count({ where: { channel: "webhook", status: "PENDING" } })).toBe(2);

    expect(await drainWebhooks({ allowPrivate: true, logger: quiet })).toEqual({ delivered: 2, retried: 0, failed: 0 });
    expect(received).toHaveLength(2);
    const now = Math.floor(Date.now() / 1000);
    for (const r of received) {
      expect(r.headers["content-type"]).toBe("application/json");
      expect(verifyWebhookSignature(secret, String(r.headers[SIGNATURE_HEADER.toLowerCase()]), r.body, now)).toBe(true);
      expect(verifyWebhookSignature("whsec_wrong", String(r.headers[SIGNATURE_HEADER.toLowerCase()]), r.body, now)).toBe(false);
      expect(verifyWebhookSignature(secret, String(r.headers[SIGNATURE_HEADER.toLowerCase()]), r.body.replace("TGP", "TGX"), now)).toBe(
        false,
      );
    }
    const [created, message] = received.map((r) => JSON.parse(r.body));
    expect(created).toMatchObject({
      type: "ticket.created",
      ticket: { reference: "TGP-000001" },
      data: { event: "ticket.filed", actor: "CUSTOMER" },
    });
    expect(created.id).toMatch(/^evt_\d+$/);
    expect(message).toMatchObject({ type: "ticket.message_added", data: { event: "message.sent", after: { visibility: "PUBLIC" } } });
    expect(received[0]!.headers["tanggap-event"]).toBe("ticket.created");
    expect(await testDb().outboxMessage.count({ where: { channel: "webhook", status: "SENT" } })).toBe(2);
  });

  it("retries after the receiver answers 500, with the same body and a fresh signature", async () => {
    const { secret } = await registerWebhook(
      admin.id,
      { url: `http://127.0.0.1:${port}/`, events: ["ticket.created"] },
      { allowPrivate: true },
    );
    await fileComplaint(input, "en");
    answers.push(500);
    expect(await drainWebhooks({ allowPrivate: true, logger: quiet })).toEqual({ delivered: 0, retried: 1, failed: 0 });
    const row = await testDb().outboxMessage.findFirstOrThrow({
      where: { channel: "webhook" },
      select: { id: true, status: true, attempts: true, lastError: true, nextAttemptAt: true },
    });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastError: "The receiver answered HTTP 500." });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
    // Not before its time…
    expect(await drainWebhooks({ allowPrivate: true, logger: quiet })).toEqual({ delivered: 0, retried: 0, failed: 0 });
    // …and delivered once it is due.
    await testDb().outboxMessage.update({ where: { id: row.id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    expect(await drainWebhooks({ allowPrivate: true, logger: quiet })).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect(received).toHaveLength(2);
    expect(received[1]!.body).toBe(received[0]!.body);
    expect(
      verifyWebhookSignature(secret, String(received[1]!.headers["tanggap-signature"]), received[1]!.body, Math.floor(Date.now() / 1000)),
    ).toBe(true);
    expect(await testDb().outboxMessage.findUniqueOrThrow({ where: { id: row.id }, select: { status: true, attempts: true } })).toEqual({
      status: "SENT",
      attempts: 2,
    });
  });

  it("delivers each row once when several workers drain at the same time, the mail worker taking none of them", async () => {
    await registerWebhook(admin.id, { url: `http://127.0.0.1:${port}/`, events: ["ticket.created"] }, { allowPrivate: true });
    for (let i = 0; i < 6; i++) await fileComplaint({ ...input, email: `budi${i}@example.co.id` }, "en");
    const mail = { kind: "file" as const, target: "memory", send: async () => {}, close() {} };
    await drainOutbox({ transport: mail, logger: quiet });
    const passes = await Promise.all(Array.from({ length: 3 }, () => drainWebhooks({ allowPrivate: true, batchSize: 1, logger: quiet })));
    expect(passes.reduce((sum, p) => sum + p.delivered, 0)).toBe(6);
    const deliveries = received.map((r) => String(r.headers["tanggap-delivery"]));
    expect(new Set(deliveries).size).toBe(6);
    expect(deliveries).toHaveLength(6);
    expect(await testDb().outboxMessage.count({ where: { channel: "webhook", status: "SENT", attempts: 1 } })).toBe(6);
  });

  it("refuses, by default, to register loopback, private, link-local and metadata addresses, by number or by name", async () => {
    const urls = [
      "http://127.0.0.1/hook",
      "http://10.0.0.1/hook",
      "http://169.254.169.254/latest/meta-data/",
      "http://[::1]/hook",
      `http://localhost:${port}/hook`,
      "http://[::ffff:127.0.0.1]/hook",
      "http://0.0.0.0/hook",
      "http://192.168.1.10/hook",
      "ftp://example.com/hook",
    ];
    for (const url of urls) {
      const attempt = registerWebhook(admin.id, { url, events: ["ticket.created"] });
      await expect(attempt, url).rejects.toMatchObject({ code: "webhookTargetRefused" });
    }
    await expect(registerWebhook(admin.id, { url: "http://169.254.169.254/", events: ["ticket.created"] })).rejects.toThrow(
      /link-local address \(where cloud metadata services live\)/,
    );
    await expect(registerWebhook(admin.id, { url: `http://localhost:${port}/`, events: ["ticket.created"] })).rejects.toThrow(
      /localhost resolves to/,
    );
    // Even with private addresses allowed, the metadata service stays out of reach.
    await expect(
      registerWebhook(admin.id, { url: "http://169.254.169.254/", events: ["ticket.created"] }, { allowPrivate: true }),
    ).rejects.toMatchObject({ code: "webhookTargetRefused" });
    expect(await testDb().webhookEndpoint.count()).toBe(0);
  });

  it("checks the address again at delivery and connects only to the address it checked", async () => {
    // Registered while the name pointed somewhere allowed; by delivery time it points at loopback.
    await registerWebhook(admin.id, { url: `http://127.0.0.1:${port}/`, events: ["ticket.created"] }, { allowPrivate: true });
    await testDb().webhookEndpoint.updateMany({ data: { url: `http://hooks.receiver.test:${port}/` } });
    await fileComplaint(input, "en");
    const toLoopback = async () => [{ address: "127.0.0.1", family: 4 }];
    expect(await drainWebhooks({ allowPrivate: false, resolve: toLoopback, logger: quiet })).toEqual({
      delivered: 0,
      retried: 0,
      failed: 1,
    });
    expect(received).toHaveLength(0);
    const failed = await testDb().outboxMessage.findFirstOrThrow({
      where: { channel: "webhook" },
      select: { status: true, lastError: true },
    });
    expect(failed).toEqual({ status: "FAILED", lastError: expect.stringContaining("hooks.receiver.test resolves to 127.0.0.1") });

    // The connection uses the resolved address the check saw (the system resolver does not know
    // this name at all), with the name itself in the Host header.
    await testDb().outboxMessage.updateMany({ data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(Date.now() - 1000) } });
    expect(await drainWebhooks({ allowPrivate: true, resolve: toLoopback, logger: quiet })).toEqual({
      delivered: 1,
      retried: 0,
      failed: 0,
    });
    expect(received[0]!.headers.host).toBe(`hooks.receiver.test:${port}`);
  });

  it("stops delivering to a disabled endpoint, and records both changes in the audit log", async () => {
    const { id } = await registerWebhook(
      admin.id,
      { url: `http://127.0.0.1:${port}/`, events: ["ticket.created"] },
      { allowPrivate: true },
    );
    await fileComplaint(input, "en");
    expect(await disableWebhook(admin.id, id)).toBe(true);
    expect(await disableWebhook(admin.id, id)).toBe(false);
    await fileComplaint({ ...input, email: "other@example.com" }, "en");
    expect(await drainWebhooks({ allowPrivate: true, logger: quiet })).toEqual({ delivered: 0, retried: 0, failed: 0 });
    expect(received).toHaveLength(0);
    expect(await testDb().outboxMessage.findMany({ where: { channel: "webhook" }, select: { status: true, lastError: true } })).toEqual([
      { status: "FAILED", lastError: "The endpoint was disabled." },
    ]);
    expect(
      await testDb().auditLog.findMany({
        where: { entity: "WebhookEndpoint" },
        orderBy: { id: "asc" },
        select: { action: true, before: true, after: true },
      }),
    ).toEqual([
      { action: "webhook.created", before: null, after: { url: `http://127.0.0.1:${port}/`, events: ["ticket.created"], active: true } },
      { action: "webhook.disabled", before: { active: true }, after: { active: false, disabledAt: expect.any(String) } },
    ]);
  });

  it("maps internal event types to public webhook events in SQL exactly as src/domain/webhooks.ts does", async () => {
    for (const [name, sources] of Object.entries(WEBHOOK_EVENT_SOURCES)) {
      for (const source of sources) {
        const [row] = await testDb().$queryRaw<{ name: string | null }[]>`SELECT tanggap_webhook_event_name(${source}) AS name`;
        expect(row!.name, source).toBe(name);
      }
    }
    for (const internal of ["listen.recorded", "clock.paused", "priority.changed", "resolution.chosen"]) {
      const [row] = await testDb().$queryRaw<{ name: string | null }[]>`SELECT tanggap_webhook_event_name(${internal}) AS name`;
      expect(row!.name, internal).toBeNull();
    }
  });
});
