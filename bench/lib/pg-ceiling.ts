import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { summariseLatencies, type LatencySummary } from "./stats";

export interface PgCeilingResult extends LatencySummary {
  rate: number;
  seconds: number;
}

/**
 * PostgreSQL alone doing a complaint's writes, as raw SQL from `clients` connections for `seconds`:
 * the two rate-limit counters, then one transaction with the customer upsert, the ticket (its search
 * trigger included), the first stage's clock, the event and the receipt in the outbox — what the
 * form's action writes, without Node, Next.js, Prisma or validation in between.
 */
export async function pgComplaintCeiling(url: string, clients: number, seconds: number, runId: string): Promise<PgCeilingResult> {
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  const { rows } = await setup.query<{ id: string; teamId: string | null }>(
    `SELECT id, "teamId" FROM "Category" WHERE code = 'PRODUCT_RETURN'`,
  );
  await setup.end();
  const category = rows[0]!;
  const latencies: number[] = [];
  let n = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();

  async function worker() {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      while (performance.now() < deadline) {
        const i = n++;
        const t0 = performance.now();
        const now = new Date();
        const due = new Date(now.getTime() + 4 * 3600_000);
        const atRisk = new Date(now.getTime() + 3 * 3600_000);
        const email = `pg-${runId}-${i}@bench.test`;
        for (const key of [`complaint:ip:pg-ceiling`, `complaint:email:${email}`]) {
          await client.query(
            `INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES ($1, $2, 1)
             ON CONFLICT ("key") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1 RETURNING "windowStart", "count"`,
            [key, now],
          );
        }
        await client.query("BEGIN");
        const customer = await client.query<{ id: string }>(
          `INSERT INTO "Customer" (id, email, name, phone, locale, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, 'id', $4)
           ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name, phone = EXCLUDED.phone, "updatedAt" = EXCLUDED."updatedAt" RETURNING id`,
          [email, `Pelanggan ${i}`, "+62 812 5550 1234", now],
        );
        const narrative = `Blender yang saya pesan datang dalam keadaan rusak dan tidak bisa menyala sama sekali. Nomor pesanan ORD-P${i}.`;
        const ticket = await client.query<{ id: string }>(
          `INSERT INTO "Ticket" (id, "trackingTokenHash", "trackingTokenSealed", "customerId", "categoryId", "teamId", priority, stage, locale, subject, narrative,
             "orderNumber", amount, "desiredOutcome", "acknowledgeBy", "stageDueAt", "stageAtRiskAt", "createdAt", "updatedAt")
           VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 'NORMAL', 'NEW', 'id', $6, $7, $8, 450000, $9, $10, $10, $11, $12, $12) RETURNING id`,
          [
            createHash("sha256").update(randomBytes(32)).digest("hex"),
            randomBytes(60).toString("base64url"),
            customer.rows[0]!.id,
            category.id,
            category.teamId,
            narrative.slice(0, 80),
            narrative,
            `ORD-P${i}`,
            "Kembalikan uang saya atau tukar dengan yang baru",
            due,
            atRisk,
            now,
          ],
        );
        const ticketId = ticket.rows[0]!.id;
        await client.query(
          `INSERT INTO "SlaTimer" (id, "ticketId", stage, "startedAt", "dueAt", "atRiskAt", "businessMinutes") VALUES (gen_random_uuid(), $1, 'NEW', $2, $3, $4, 240)`,
          [ticketId, now, due, atRisk],
        );
        await client.query(
          `INSERT INTO "TicketEvent" ("ticketId", "actorType", type, after, "createdAt") VALUES ($1, 'CUSTOMER', 'ticket.filed', $2, $3)`,
          [ticketId, JSON.stringify({ stage: "NEW", category: "PRODUCT_RETURN", priority: "NORMAL", dueAt: due.toISOString() }), now],
        );
        await client.query(
          `INSERT INTO "OutboxMessage" (id, kind, recipient, subject, body, html, "ticketId", "dedupeKey") VALUES (gen_random_uuid(), 'receipt', $1, $2, $3, $4, $5, $6)
           ON CONFLICT ("dedupeKey") DO NOTHING`,
          [
            email,
            "We have received your complaint",
            "Thank you for telling us. ".repeat(20),
            "<p>Thank you for telling us.</p>".repeat(20),
            ticketId,
            `receipt:${ticketId}`,
          ],
        );
        await client.query("COMMIT");
        latencies.push(performance.now() - t0);
      }
    } finally {
      await client.end();
    }
  }

  await Promise.all(Array.from({ length: clients }, worker));
  const elapsed = (performance.now() - started) / 1000;
  return { ...summariseLatencies(latencies), rate: latencies.length / elapsed, seconds: elapsed };
}
