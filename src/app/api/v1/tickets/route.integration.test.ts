import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../../../tests/support/integration-db";
import type { ApiScope } from "@/domain/api-scopes";
import { createApiToken, revokeApiToken } from "@/features/api-tokens/service";
import { GET as list, POST as create } from "./route";
import { GET as read } from "./[reference]/route";
import { POST as addMessage } from "./[reference]/messages/route";
import { POST as move } from "./[reference]/stage/route";

// The route handlers called as Next calls them, with real Requests, on a real database.

let admin: { id: string };

const complaint = {
  name: "Dewi Lestari",
  email: "dewi@example.co.id",
  category: "PRODUCT_RETURN",
  narrative: "The rice cooker I ordered arrived with a cracked inner pot.",
  desiredOutcome: "A replacement pot",
  customerAsk: "EXCHANGE",
  amount: "350000",
  location: "Online shop",
  locale: "en",
};

async function tokenWith(...scopes: ApiScope[]) {
  return (await createApiToken(admin.id, { name: "shop", scopes })).token;
}

function call(
  path: string,
  init: {
    method?: string;
    token?: string | null;
    body?: unknown;
    raw?: string;
    contentType?: string;
    headers?: Record<string, string>;
  } = {},
) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (body !== undefined) headers["content-type"] = init.contentType ?? "application/json";
  return new Request(`http://localhost${path}`, { method: init.method ?? (body === undefined ? "GET" : "POST"), headers, body });
}

const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const none = params({} as Record<string, never>);

async function problemOf(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = await response.json();
  expect(body).toMatchObject({
    status: response.status,
    type: expect.stringMatching(/^urn:tanggap:problem:/),
    title: expect.any(String),
    detail: expect.any(String),
  });
  return body;
}

describe("/api/v1 tickets", () => {
  beforeEach(async () => {
    await resetDatabase();
    admin = await testDb().user.create({
      data: { email: "admin@tanggap.test", name: "Ayu Admin", role: "ADMIN", passwordHash: "x" },
      select: { id: true },
    });
  });

  it("creates a ticket, reads it, acknowledges the customer and moves it through the protocol's gates", async () => {
    const token = await tokenWith("tickets:read", "tickets:write", "tickets:move");
    const created = await create(call("/api/v1/tickets", { token, body: complaint }), none);
    expect(created.status).toBe(201);
    const ticket = await created.json();
    expect(ticket).toMatchObject({
      reference: "TGP-000001",
      stage: "NEW",
      priority: "NORMAL",
      category: "PRODUCT_RETURN",
      locale: "en",
      amount: "350000.00",
      location: "Online shop",
      orderNumber: null,
      desiredOutcome: "A replacement pot",
      customerAsk: "EXCHANGE",
      unmetGates: ["acknowledgement"],
    });
    expect(ticket.trackingUrl).toMatch(/\/track\/[A-Za-z0-9_-]{43}$/);
    expect(created.headers.get("location")).toBe("/api/v1/tickets/TGP-000001");
    // The receipt goes to the customer exactly as from the public form.
    expect(await testDb().outboxMessage.count({ where: { kind: "receipt", recipient: "dewi@example.co.id" } })).toBe(1);

    const refused = await move(
      call("/api/v1/tickets/TGP-000001/stage", { token, body: { to: "LISTEN" } }),
      params({ reference: "TGP-000001" }),
    );
    expect(refused.status).toBe(422);
    expect(await problemOf(refused)).toMatchObject({
      type: "urn:tanggap:problem:gate-refused",
      reason: "gatesUnmet",
      unmetGates: [{ gate: "acknowledgement", detail: "Send the customer an acknowledgement." }],
    });

    const replied = await addMessage(
      call("/api/v1/tickets/TGP-000001/messages", {
        token,
        body: { body: "Dear Dewi, we are sorry and are looking into it.", visibility: "PUBLIC" },
      }),
      params({ reference: "TGP-000001" }),
    );
    expect(replied.status).toBe(201);
    expect((await replied.json()).unmetGates).toEqual([]);

    const moved = await move(
      call("/api/v1/tickets/TGP-000001/stage", { token, body: { to: "LISTEN" } }),
      params({ reference: "TGP-000001" }),
    );
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ reference: "TGP-000001", stage: "LISTEN" });

    const onward = await move(
      call("/api/v1/tickets/TGP-000001/stage", { token, body: { to: "UNDERSTAND" } }),
      params({ reference: "TGP-000001" }),
    );
    expect((await problemOf(onward)).unmetGates.map((g: { gate: string }) => g.gate)).toEqual([
      "facts",
      "restatement",
      "severity",
      "safetyRisk",
    ]);

    const skip = await move(
      call("/api/v1/tickets/TGP-000001/stage", { token, body: { to: "CLOSED" } }),
      params({ reference: "TGP-000001" }),
    );
    expect(await problemOf(skip)).toMatchObject({ status: 422, code: "notNextStage", nextStage: "UNDERSTAND" });

    const got = await read(call("/api/v1/tickets/TGP-000001", { token }), params({ reference: "TGP-000001" }));
    const body = await got.json();
    expect(body).toMatchObject({
      stage: "LISTEN",
      customerAsk: "EXCHANGE",
      customer: { name: "Dewi Lestari", email: "dewi@example.co.id" },
      assignee: null,
    });
    expect(body.messages).toEqual([expect.objectContaining({ author: "STAFF", authorName: "Ayu Admin", visibility: "PUBLIC" })]);
    // Attributed to the token's owner, through the same event writer as the workspace.
    const events = await testDb().ticketEvent.findMany({ where: { actorType: "STAFF" }, select: { type: true, actorId: true } });
    expect(events).toEqual(
      expect.arrayContaining([
        { type: "message.sent", actorId: admin.id },
        { type: "stage.changed", actorId: admin.id },
      ]),
    );
  });

  it("answers a creation with the ticket exactly as a read of it then shows it", async () => {
    const token = await tokenWith("tickets:read", "tickets:write");
    const { id: categoryId } = await testDb().category.findUniqueOrThrow({ where: { code: "PRODUCT_RETURN" }, select: { id: true } });
    const field = { categoryId, type: "TEXT", customerFacing: true } as const;
    await testDb().customField.createMany({
      data: [
        { ...field, key: "warranty_card_number", labelEn: "Warranty card", labelId: "Kartu garansi", sortOrder: 0 },
        { ...field, key: "store", labelEn: "Store", labelId: "Toko", sortOrder: 1 },
      ],
    });
    // A known address: the view shows the customer's record, not the name and phone this request typed.
    await testDb().customer.create({ data: { email: complaint.email, name: "Dewi L.", phone: "+62 811 000 111" } });
    const body = {
      ...complaint,
      phone: "+62 812 345 678",
      purchaseDate: "2026-01-15",
      orderNumber: "INV-77",
      // In another order than PostgreSQL keeps a JSON object's keys in.
      customFields: { warranty_card_number: "WC-1", store: "Kemang" },
    };
    const created = await create(call("/api/v1/tickets", { token, body }), none);
    expect(created.status).toBe(201);
    const { trackingUrl, ...filed } = await created.json();
    expect(trackingUrl).toMatch(/\/track\//);
    expect(filed).toMatchObject({ customer: { name: "Dewi L." }, customFields: { store: "Kemang", warranty_card_number: "WC-1" } });

    const got = await read(call(`/api/v1/tickets/${filed.reference}`, { token }), params({ reference: filed.reference }));
    // The same text, key for key: the answer to the creation is the ticket as stored, not as sent.
    expect(JSON.stringify(filed)).toBe(await got.text());
  });

  it("adds an internal note that never reaches the customer, and answers 409 for a stale version", async () => {
    const token = await tokenWith("tickets:read", "tickets:write");
    await create(call("/api/v1/tickets", { token, body: complaint }), none);
    const note = await addMessage(
      call("/api/v1/tickets/TGP-000001/messages", { token, body: { body: "Supplier batch 7 again.", visibility: "INTERNAL", version: 1 } }),
      params({ reference: "TGP-000001" }),
    );
    expect(note.status).toBe(201);
    expect(await testDb().outboxMessage.count({ where: { kind: "reply" } })).toBe(0);
    const stale = await addMessage(
      call("/api/v1/tickets/TGP-000001/messages", { token, body: { body: "Another note.", visibility: "INTERNAL", version: 1 } }),
      params({ reference: "TGP-000001" }),
    );
    expect(stale.status).toBe(409);
    expect((await problemOf(stale)).type).toBe("urn:tanggap:problem:conflict");
  });

  it("answers a NUL or another control character with 400 naming the field, never 500", async () => {
    const token = await tokenWith("tickets:read", "tickets:write");
    const refused = await create(call("/api/v1/tickets", { token, body: { ...complaint, name: "Dewi\u0000Lestari" } }), none);
    expect(refused.status).toBe(400);
    expect((await problemOf(refused)).errors).toHaveProperty("name");
    expect(await testDb().ticket.count()).toBe(0);

    await create(call("/api/v1/tickets", { token, body: complaint }), none);
    const note = await addMessage(
      call("/api/v1/tickets/TGP-000001/messages", { token, body: { body: "Supplier\u0000 batch \u001b7", visibility: "INTERNAL" } }),
      params({ reference: "TGP-000001" }),
    );
    expect(note.status).toBe(400);
    expect((await problemOf(note)).errors).toHaveProperty("body");
  });

  it("lists and filters the queue with keyset pagination", async () => {
    const token = await tokenWith("tickets:read", "tickets:write");
    for (let i = 0; i < 3; i++) await create(call("/api/v1/tickets", { token, body: { ...complaint, email: `c${i}@example.com` } }), none);
    await create(call("/api/v1/tickets", { token, body: { ...complaint, category: "PAYMENT_PROBLEM" } }), none);
    const first = await (await list(call("/api/v1/tickets?limit=2", { token }), none)).json();
    expect(first.data).toHaveLength(2);
    expect(first.prev).toBeNull();
    const second = await (await list(call(`/api/v1/tickets?limit=2&cursor=${first.next}`, { token }), none)).json();
    expect(second.data).toHaveLength(2);
    expect(second.next).toBeNull();
    const seen = [...first.data, ...second.data].map((t: { reference: string }) => t.reference).sort();
    expect(seen).toEqual(["TGP-000001", "TGP-000002", "TGP-000003", "TGP-000004"]);
    const payments = await (await list(call("/api/v1/tickets?category=PAYMENT_PROBLEM", { token }), none)).json();
    expect(payments.data.map((t: { reference: string }) => t.reference)).toEqual(["TGP-000004"]);
  });

  it("refuses a missing, malformed, unknown or revoked token with 401 and a challenge", async () => {
    const token = await tokenWith("tickets:read");
    for (const sent of [null, "not-a-token", `tgp_${"A".repeat(43)}`]) {
      const response = await list(call("/api/v1/tickets", { token: sent }), none);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer realm="tanggap"/);
      await problemOf(response);
    }
    expect((await list(call("/api/v1/tickets", { token }), none)).status).toBe(200);
    const id = (await testDb().apiToken.findFirstOrThrow({ select: { id: true } })).id;
    expect(await revokeApiToken(admin.id, id)).toBe(true);
    const revoked = await list(call("/api/v1/tickets", { token }), none);
    expect(revoked.status).toBe(401);
    expect((await problemOf(revoked)).detail).toMatch(/revoked/);
    expect(await testDb().auditLog.findMany({ where: { entity: "ApiToken" }, select: { action: true, before: true } })).toEqual([
      { action: "apiToken.created", before: null },
      { action: "apiToken.revoked", before: { name: "shop", revokedAt: null } },
    ]);
  });

  it("stops a token at once when its owner is deactivated", async () => {
    const token = await tokenWith("tickets:read");
    await testDb().user.update({ where: { id: admin.id }, data: { active: false } });
    const response = await list(call("/api/v1/tickets", { token }), none);
    expect(response.status).toBe(401);
    expect((await problemOf(response)).detail).toMatch(/deactivated/);
  });

  it("refuses a token without the scope with 403, and changes nothing", async () => {
    const token = await tokenWith("tickets:read");
    const response = await create(call("/api/v1/tickets", { token, body: complaint }), none);
    expect(response.status).toBe(403);
    expect(response.headers.get("www-authenticate")).toContain('error="insufficient_scope", scope="tickets:write"');
    expect(await problemOf(response)).toMatchObject({ type: "urn:tanggap:problem:insufficient-scope", requiredScope: "tickets:write" });
    expect(await testDb().ticket.count()).toBe(0);
  });

  it("answers bad input with problem+json naming each field, and ignores fields it does not know", async () => {
    const token = await tokenWith("tickets:read", "tickets:write");
    const malformed = await create(call("/api/v1/tickets", { token, raw: '{"name": "Dewi",' }), none);
    expect(malformed.status).toBe(400);
    expect((await problemOf(malformed)).type).toBe("urn:tanggap:problem:malformed-json");

    const badUtf8 = await create(
      new Request("http://localhost/api/v1/tickets", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: new Uint8Array([0x7b, 0xff, 0x7d]),
      }),
      none,
    );
    expect((await problemOf(badUtf8)).detail).toMatch(/UTF-8/);

    const form = await create(call("/api/v1/tickets", { token, raw: "name=Dewi", contentType: "application/x-www-form-urlencoded" }), none);
    expect(form.status).toBe(415);
    await problemOf(form);

    const wrong = await create(
      call("/api/v1/tickets", {
        token,
        body: { ...complaint, email: "not-an-email", amount: 350000, narrative: 42, category: "not a code!" },
      }),
      none,
    );
    expect(wrong.status).toBe(400);
    const problem = await problemOf(wrong);
    expect(problem.type).toBe("urn:tanggap:problem:validation");
    expect(Object.keys(problem.errors).sort()).toEqual(["amount", "category", "email", "narrative"]);
    expect(problem.errors.email).toEqual(["Enter an email address like name@example.com."]);

    // What would resolve it is one of the form's choices, or left out.
    const badAsk = await create(call("/api/v1/tickets", { token, body: { ...complaint, customerAsk: "FREE_MONEY" } }), none);
    expect(badAsk.status).toBe(400);
    expect(Object.keys((await problemOf(badAsk)).errors)).toEqual(["customerAsk"]);

    // A well-formed code no category has: the database decides, and the answer names the field.
    const unknown = await create(call("/api/v1/tickets", { token, body: { ...complaint, category: "NO_SUCH_CATEGORY" } }), none);
    expect(unknown.status).toBe(400);
    expect(Object.keys((await problemOf(unknown)).errors)).toEqual(["category"]);
    expect(await testDb().ticket.count()).toBe(0);

    const huge = await create(call("/api/v1/tickets", { token, body: { ...complaint, narrative: "x".repeat(300_000) } }), none);
    expect(huge.status).toBe(413);

    const sneaky = await create(
      call("/api/v1/tickets", {
        token,
        body: { ...complaint, stage: "CLOSED", priority: "URGENT", assigneeId: admin.id, idempotencyKey: "x", version: 99 },
      }),
      none,
    );
    expect(sneaky.status).toBe(201);
    expect(
      await testDb().ticket.findFirstOrThrow({
        select: { stage: true, priority: true, assigneeId: true, idempotencyKey: true, version: true },
      }),
    ).toEqual({
      stage: "NEW",
      priority: "NORMAL",
      assigneeId: null,
      idempotencyKey: null,
      version: 1,
    });

    // Left out, what would resolve it stays unsaid: the free text is the customer's answer.
    const { customerAsk: _unsaid, ...withoutAsk } = complaint;
    const unsaid = await create(call("/api/v1/tickets", { token, body: withoutAsk }), none);
    expect(unsaid.status).toBe(201);
    expect(await unsaid.json()).toMatchObject({ desiredOutcome: "A replacement pot", customerAsk: null });
  });

  it("answers the same 404 for a reference that does not exist or is malformed, without touching any ticket", async () => {
    const token = await tokenWith("tickets:read", "tickets:write", "tickets:move");
    await create(call("/api/v1/tickets", { token, body: complaint }), none);
    const bodies = [];
    for (const reference of ["TGP-000002", "TGP-999999", "nope", "TGP-000001x"]) {
      const got = await read(call(`/api/v1/tickets/${reference}`, { token }), params({ reference }));
      expect(got.status).toBe(404);
      const { instance: _i, ...body } = await problemOf(got);
      bodies.push(body);
      const posted = await addMessage(
        call(`/api/v1/tickets/${reference}/messages`, { token, body: { body: "Hello there", visibility: "PUBLIC" } }),
        params({ reference }),
      );
      expect(posted.status).toBe(404);
    }
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(await testDb().message.count()).toBe(0);
  });

  it("answers 429 with Retry-After once the token is over its limit", async () => {
    const token = await tokenWith("tickets:read");
    const { id } = await testDb().apiToken.findFirstOrThrow({ select: { id: true } });
    await testDb().rateLimitBucket.create({ data: { key: `api:${id}`, windowStart: new Date(), count: 600 } });
    const response = await list(call("/api/v1/tickets", { token }), none);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    await problemOf(response);
  });

  it("creates one ticket for one Idempotency-Key, even when the requests race", async () => {
    const token = await tokenWith("tickets:write");
    const other = await tokenWith("tickets:write");
    const send = (t: string, key: string) =>
      create(call("/api/v1/tickets", { token: t, body: complaint, headers: { "idempotency-key": key } }), none);
    const responses = await Promise.all(Array.from({ length: 8 }, () => send(token, "order-1234")));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(7);
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(new Set(bodies.map((b) => b.reference))).toEqual(new Set(["TGP-000001"]));
    expect(new Set(bodies.map((b) => b.trackingUrl)).size).toBe(1);
    expect(await testDb().ticket.count()).toBe(1);
    expect(await testDb().outboxMessage.count({ where: { kind: "receipt" } })).toBe(1);
    // The same key from another token is another request.
    expect((await send(other, "order-1234")).status).toBe(201);
    expect((await send(token, "order-5678")).status).toBe(201);
    expect(await testDb().ticket.count()).toBe(3);
    const bad = await send(token, "has space");
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).errors["Idempotency-Key"]).toBeDefined();
  });
});
