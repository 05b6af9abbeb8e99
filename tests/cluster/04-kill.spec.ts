import { pool } from "../hostile/support";
import { METRICS_TOKEN, type Instance } from "../support/cluster";
import { expect, test } from "./fixtures";
import { eventually, fileComplaint, type Filed } from "./support";

/** tanggap_outbox_claim_takeovers_total{channel="webhook"} of one instance, asked directly. */
async function webhookTakeovers(instance: Instance): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${instance.port}/api/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  const match = /^tanggap_outbox_claim_takeovers_total\{channel="webhook"\} (\d+)/m.exec(await response.text());
  return Number(match?.[1] ?? 0);
}

test("an instance killed with SIGKILL mid-load loses no acknowledged complaint, and its claims are taken over after their lease", async ({
  cluster,
}) => {
  const [survivor, victim] = cluster.instances as [Instance, Instance];
  const tag = `kill${Date.now()}`;
  const takeoversBefore = await webhookTakeovers(survivor);
  // The receiver holds each webhook unanswered: each instance delivers one at a time, so two held
  // at once means both instances are mid-delivery, each holding its claims.
  cluster.webhooks.hold();
  const filed: Filed[] = [];
  const load = pool(
    Array.from({ length: 24 }, (_, i) => i),
    3,
    async (i) => {
      const result = await fileComplaint(tag, i);
      filed.push(result);
      return result;
    },
  );
  await eventually(async () => (cluster.webhooks.held >= 2 && filed.length >= 4 ? true : undefined), 50);
  const servedBeforeKill = new Set(filed.map((f) => f.servedBy));
  await cluster.killInstance(victim);
  cluster.webhooks.release();
  await load;

  expect(servedBeforeKill).toContain(victim.name);
  const acknowledged = filed.filter((f) => f.outcome === "acknowledged").map((f) => Number(f.reference!.replace(/\D/g, "")));
  // Some requests in flight to the killed instance may fail; most of the load is acknowledged.
  expect(acknowledged.length).toBeGreaterThan(12);
  const stored = await cluster.sql<{ number: number }>(`SELECT number FROM "Ticket" WHERE number = ANY($1::int[])`, [acknowledged]);
  expect(stored.map((t) => t.number).sort((a, b) => a - b)).toEqual([...acknowledged].sort((a, b) => a - b));

  // The killed instance's claims lapse (WEBHOOK_LEASE_MS, 20 s here) and the survivor takes them over:
  // every new complaint's webhook is delivered in the end.
  const ids = await cluster.sql<{ id: string }>(
    `SELECT o.id FROM "OutboxMessage" o JOIN "Ticket" t ON t.id = o."ticketId" WHERE o.channel = 'webhook' AND t.number = ANY($1::int[])`,
    [acknowledged],
  );
  expect(ids).toHaveLength(acknowledged.length);
  await eventually(async () => {
    const [left] = await cluster.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM "OutboxMessage" WHERE id = ANY($1::uuid[]) AND status <> 'SENT'`,
      [ids.map((r) => r.id)],
    );
    return left!.n === 0 ? true : undefined;
  }, 500);
  for (const { id } of ids)
    expect(
      cluster.webhooks.deliveries.some((d) => d.id === id),
      id,
    ).toBe(true);
  expect(await webhookTakeovers(survivor)).toBeGreaterThan(takeoversBefore);

  await cluster.startInstance(victim);
  await cluster.waitBalanced();
});
