import "server-only";
import { db } from "./db/prisma";

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimitHit {
  key: string;
  rule: RateLimitRule;
}

/**
 * Counts one hit against `key` in a fixed window kept in PostgreSQL, so every app
 * instance shares the same counters. A single upsert makes the count race-free.
 */
export function hitRateLimit(key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitResult> {
  return hitRateLimits([{ key, rule }], now);
}

/**
 * Counts one hit against each key (each in its own window) in one statement, and refuses when any
 * is over its limit, with the longest wait among those. The rows are locked in key order, so two
 * requests counting the same keys never wait on each other in a circle.
 */
export async function hitRateLimits(hits: readonly RateLimitHit[], now = new Date()): Promise<RateLimitResult> {
  const rules = new Map<string, RateLimitRule>();
  // One key counted twice in one statement is an error in PostgreSQL; the first rule given counts.
  for (const { key, rule } of hits) if (!rules.has(key)) rules.set(key, rule);
  if (rules.size === 0) return { allowed: true };
  const keys = [...rules.keys()].sort();
  const windows = keys.map((k) => rules.get(k)!.windowSeconds);
  const rows = await db().$queryRaw<{ key: string; windowStart: Date; count: number }[]>`
    WITH hit AS (
      SELECT h.key, ${now}::timestamptz - make_interval(secs => h.seconds) AS "openedAfter"
      FROM unnest(${keys}::text[], ${windows}::int[]) AS h(key, seconds)
    )
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count")
    SELECT hit.key, ${now}::timestamptz, 1 FROM hit ORDER BY hit.key
    ON CONFLICT ("key") DO UPDATE SET
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= (SELECT "openedAfter" FROM hit WHERE hit.key = EXCLUDED.key)
        THEN EXCLUDED."windowStart" ELSE "RateLimitBucket"."windowStart" END,
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= (SELECT "openedAfter" FROM hit WHERE hit.key = EXCLUDED.key)
        THEN 1 ELSE "RateLimitBucket"."count" + 1 END
    RETURNING "key", "windowStart", "count"`;
  let wait = 0;
  for (const row of rows) {
    const rule = rules.get(row.key)!;
    if (row.count <= rule.limit) continue;
    const reopensAt = row.windowStart.getTime() + rule.windowSeconds * 1000;
    wait = Math.max(wait, Math.max(1, Math.ceil((reopensAt - now.getTime()) / 1000)));
  }
  return wait === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds: wait };
}

/** Forgets a key's count, e.g. an account's failed sign-ins once the right password is given. */
export async function resetRateLimit(key: string): Promise<void> {
  await db().rateLimitBucket.deleteMany({ where: { key } });
}
