import { expect, test } from "./fixtures";
import { eventually, fileComplaint } from "./support";

test("rate limits hold across the instances: one address gets five complaints to one mailbox, whichever instance it reaches", async () => {
  const tag = `limit${Date.now()}`;
  const filed = [];
  for (let i = 0; i < 8; i++) filed.push(await fileComplaint(tag, i, `${tag}@example.test`));
  // Round robin: the eight requests were answered by both instances in turn.
  expect(new Set(filed.map((f) => f.servedBy))).toEqual(new Set(["app1", "app2"]));
  expect(filed.map((f) => f.outcome)).toEqual([...Array<string>(5).fill("acknowledged"), ...Array<string>(3).fill("refused")]);
  expect(filed.slice(5).map((f) => f.code)).toEqual(["rateLimited", "rateLimited", "rateLimited"]);
});

test("mail, webhooks and the SLA monitor deliver each event once, with two instances working the same outbox", async ({ cluster }) => {
  const tag = `once${Date.now()}`;
  const filed = [];
  for (let i = 0; i < 10; i++) filed.push(await fileComplaint(tag, i));
  expect(filed.every((f) => f.outcome === "acknowledged")).toBe(true);
  expect(new Set(filed.map((f) => f.servedBy))).toEqual(new Set(["app1", "app2"]));
  const tickets = await cluster.sql<{ id: string; number: number; email: string }>(
    `SELECT t.id, t.number, c.email FROM "Ticket" t JOIN "Customer" c ON c.id = t."customerId" WHERE c.email LIKE $1`,
    [`${tag}-%`],
  );
  expect(tickets).toHaveLength(10);
  const ids = tickets.map((t) => t.id);

  // Every receipt and every ticket.created delivery leaves the outbox as sent…
  await eventually(async () => {
    const [left] = await cluster.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM "OutboxMessage" WHERE "ticketId" = ANY($1::uuid[]) AND status <> 'SENT'`,
      [ids],
    );
    return left!.n === 0 ? true : undefined;
  });
  // …and reached its receiver exactly once.
  for (const t of tickets) {
    const mails = cluster.smtp.mails.filter((m) => m.to.includes(t.email));
    expect(mails.length, `mail to ${t.email}`).toBeGreaterThanOrEqual(1);
    expect(new Set(mails.map((m) => m.outboxId)).size, `mail to ${t.email}`).toBe(mails.length);
  }
  const outboxIds = await cluster.sql<{ id: string; channel: string }>(
    `SELECT id, channel FROM "OutboxMessage" WHERE "ticketId" = ANY($1::uuid[])`,
    [ids],
  );
  for (const row of outboxIds) {
    const received =
      row.channel === "email"
        ? cluster.smtp.mails.filter((m) => m.outboxId === row.id).length
        : cluster.webhooks.deliveries.filter((d) => d.id === row.id).length;
    expect(received, `${row.channel} ${row.id}`).toBe(1);
  }
  expect(outboxIds.filter((r) => r.channel === "webhook")).toHaveLength(10);

  // The SLA monitor, sweeping on both instances every 500 ms: each deadline made past is breached once.
  await cluster.sql(
    `UPDATE "SlaTimer" SET "atRiskAt" = now() - interval '2 hours', "dueAt" = now() - interval '1 hour'
     WHERE "ticketId" = ANY($1::uuid[]) AND "fulfilledAt" IS NULL`,
    [ids],
  );
  await eventually(async () => {
    const [left] = await cluster.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM "SlaTimer" WHERE "ticketId" = ANY($1::uuid[]) AND "fulfilledAt" IS NULL AND "breachedAt" IS NULL`,
      [ids],
    );
    return left!.n === 0 ? true : undefined;
  });
  const breaches = await cluster.sql<{ ticketId: string; n: number }>(
    `SELECT "ticketId", count(*)::int AS n FROM "TicketEvent" WHERE type = 'sla.breached' AND "ticketId" = ANY($1::uuid[]) GROUP BY 1`,
    [ids],
  );
  expect(breaches).toHaveLength(10);
  expect(breaches.every((b) => b.n === 1)).toBe(true);
});
