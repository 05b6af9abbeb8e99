import "server-only";
import { db } from "../db/prisma";
import { metrics } from "./metrics";

const CHANNELS = ["email", "webhook"] as const;
const UNSENT = ["PENDING", "SENDING", "FAILED"] as const;

/**
 * The figures every instance shares, read from the database at scrape time: outbox rows not yet
 * sent, by channel and status, and the SLA breaches recorded. Two small aggregate queries.
 */
export async function readOperationalGauges(): Promise<void> {
  const { outboxMessages, slaBreaches } = metrics();
  const [outbox, [breaches]] = await Promise.all([
    db().$queryRaw<{ channel: string; status: string; count: number }[]>`
      SELECT channel, status::text, count(*)::int AS count FROM "OutboxMessage" WHERE status <> 'SENT' GROUP BY channel, status`,
    db().$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM "SlaTimer" WHERE "breachedAt" IS NOT NULL`,
  ]);
  outboxMessages.reset();
  // Every series present, at zero when empty, so a graph or an alert never sees a gap.
  for (const channel of CHANNELS) for (const status of UNSENT) outboxMessages.set({ channel, status }, 0);
  for (const row of outbox) outboxMessages.set({ channel: row.channel, status: row.status }, row.count);
  slaBreaches.reset();
  slaBreaches.inc(breaches?.count ?? 0);
}
