import { openIntervalsBetween } from "@/domain/business-time";
import type { Prisma } from "@/generated/prisma/client";
import { loadSlaPolicy } from "@/server/policy/sla-policy";

type Client = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

// Rows per statement: short transactions for a live table, few enough statements for millions.
const BATCH = 50_000;

/**
 * Writes "businessSeconds" on every fulfilled clock that lacks it, as fulfilledBusinessSeconds
 * would. Run by applyMigrations after each migrate (the clocks fulfilled before the column
 * existed), and after bulk loads that insert clocks directly (demo seed, bench data). A partial
 * index holds exactly the clocks it has left to do, so when there are none it costs one empty
 * index probe. Returns how many it wrote.
 *
 * Calling the calendar per clock took 40 minutes for the bench's 4.9 million. Instead the
 * calendar's one arithmetic lists the opening intervals across the clocks' whole span once, with
 * the business time before each; PostgreSQL finds a moment's interval by binary search
 * (width_bucket) and takes the difference of two such running totals.
 */
export async function backfillBusinessSeconds(client: Client): Promise<number> {
  const [span] = await client.$queryRaw<{ from: Date | null; to: Date | null }[]>`
    SELECT min("startedAt") AS "from", max("fulfilledAt") AS "to" FROM "SlaTimer"
    WHERE "fulfilledAt" IS NOT NULL AND "businessSeconds" IS NULL`;
  if (!span?.from || !span.to) return 0;
  const { calendar } = await loadSlaPolicy(client);
  // An empty interval at the span's start: every moment in the span has an interval at or before it.
  const intervals = [{ start: span.from, end: span.from }, ...openIntervalsBetween(span.from, span.to, calendar)];
  let elapsed = 0;
  const before = intervals.map(({ start, end }) => {
    const at = elapsed;
    elapsed += end.getTime() - start.getTime();
    return at;
  });
  const starts = intervals.map((i) => i.start.toISOString());
  const ends = intervals.map((i) => i.end.toISOString());
  let written = 0;
  for (;;) {
    const count = await client.$executeRaw`
      WITH open AS (SELECT ${starts}::timestamptz[] AS starts, ${ends}::timestamptz[] AS ends, ${before}::float8[] AS before),
      pending AS (
        SELECT st."id", st."pausedMinutes",
          width_bucket(st."startedAt", o.starts) AS "fromAt", width_bucket(st."fulfilledAt", o.starts) AS "toAt",
          st."startedAt", st."fulfilledAt", o.*
        FROM "SlaTimer" st CROSS JOIN open o
        WHERE st."fulfilledAt" IS NOT NULL AND st."businessSeconds" IS NULL
        LIMIT ${BATCH}),
      elapsed AS (
        SELECT "id", "pausedMinutes",
          before["toAt"] + extract(epoch FROM least("fulfilledAt", ends["toAt"]) - starts["toAt"]) * 1000
            - before["fromAt"] - extract(epoch FROM least("startedAt", ends["fromAt"]) - starts["fromAt"]) * 1000 AS "ms"
        FROM pending)
      UPDATE "SlaTimer" st
      -- numeric, so that halves round away from zero as Math.round does for these positive values.
      SET "businessSeconds" = round(greatest(0, e."ms"::numeric / 60000 - e."pausedMinutes") * 60)::int
      FROM elapsed e WHERE st."id" = e."id"`;
    if (count === 0) return written;
    written += count;
  }
}
