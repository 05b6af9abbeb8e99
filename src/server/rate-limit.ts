import "server-only";
import { db } from "./db/prisma";

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one hit against `key` in a fixed window kept in PostgreSQL, so every app
 * instance shares the same counters. A single upsert makes the count race-free.
 */
export async function hitRateLimit(key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitResult> {
  const windowOpenedAfter = new Date(now.getTime() - rule.windowSeconds * 1000);
  const rows = await db().$queryRaw<{ windowStart: Date; count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowOpenedAfter} THEN EXCLUDED."windowStart" ELSE "RateLimitBucket"."windowStart" END,
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowOpenedAfter} THEN 1 ELSE "RateLimitBucket"."count" + 1 END
    RETURNING "windowStart", "count"`;
  const row = rows[0];
  if (!row || row.count <= rule.limit) return { allowed: true };
  const reopensAt = row.windowStart.getTime() + rule.windowSeconds * 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((reopensAt - now.getTime()) / 1000)) };
}

/** Forgets a key's count, e.g. an account's failed sign-ins once the right password is given. */
export async function resetRateLimit(key: string): Promise<void> {
  await db().rateLimitBucket.deleteMany({ where: { key } });
}
