import "server-only";
import type { Priority, Stage } from "@/domain/stages";
import { Prisma } from "@/generated/prisma/client";

// What a sweep's batch reads and claims (steps 1 to 3 in ./monitor.ts): the due timers, their
// tickets locked, and each timer's at-risk point and breach claimed by one conditional update.

export interface DueTimer {
  id: string;
  ticketId: string;
}

export interface LockedTicket {
  id: string;
  number: number;
  priority: Priority;
  escalatedAt: Date | null;
  escalationReason: string | null;
}

export interface ClaimedTimer {
  id: string;
  ticketId: string;
  stage: Stage;
  atRiskAt: Date;
  dueAt: Date;
}

/**
 * The open, running timers whose at-risk point or deadline has passed and is not yet recorded,
 * earliest first. Each half is a range scan of its index — ("fulfilledAt", "atRiskAt") and
 * ("fulfilledAt", "dueAt") — from the oldest open timer up to `now`, stopping at `limit` matches.
 */
export function dueTimersQuery(now: Date, limit: number, excludeTickets: readonly string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT id, "ticketId" FROM (
      (SELECT id, "ticketId", "atRiskAt" AS moment FROM "SlaTimer"
        WHERE "fulfilledAt" IS NULL AND "atRiskAt" <= ${now} AND "atRiskRecordedAt" IS NULL AND "pausedAt" IS NULL
          AND NOT ("ticketId" = ANY(${excludeTickets}::uuid[]))
        ORDER BY "atRiskAt" LIMIT ${limit}::int)
      UNION ALL
      (SELECT id, "ticketId", "dueAt" AS moment FROM "SlaTimer"
        WHERE "fulfilledAt" IS NULL AND "dueAt" <= ${now} AND "breachedAt" IS NULL AND "pausedAt" IS NULL
          AND NOT ("ticketId" = ANY(${excludeTickets}::uuid[]))
        ORDER BY "dueAt" LIMIT ${limit}::int)
    ) due
    GROUP BY id, "ticketId"
    ORDER BY min(moment), id
    LIMIT ${limit}::int`;
}

export async function lockTickets(tx: Prisma.TransactionClient, ticketIds: string[]): Promise<LockedTicket[]> {
  // Sorted so two sweeps never wait on each other in opposite orders (SKIP LOCKED never waits anyway).
  return tx.$queryRaw<LockedTicket[]>`
    SELECT id, number, priority::text AS priority, "escalatedAt", "escalationReason" FROM "Ticket"
    WHERE id = ANY(${ticketIds}::uuid[])
    ORDER BY id
    FOR UPDATE SKIP LOCKED`;
}

export function claimAtRisk(tx: Prisma.TransactionClient, timerIds: string[], now: Date): Promise<ClaimedTimer[]> {
  // A timer first seen past its deadline is recorded at risk too (before its breach), so every
  // breached stage has its at-risk in the history, whatever its threshold.
  return tx.$queryRaw<ClaimedTimer[]>`
    UPDATE "SlaTimer" SET "atRiskRecordedAt" = ${now}
    WHERE id = ANY(${timerIds}::uuid[])
      AND "atRiskRecordedAt" IS NULL AND "fulfilledAt" IS NULL AND "pausedAt" IS NULL
      AND ("atRiskAt" <= ${now} OR "dueAt" <= ${now})
    RETURNING id, "ticketId", stage::text AS stage, "atRiskAt", "dueAt"`;
}

export function claimBreach(tx: Prisma.TransactionClient, timerIds: string[], now: Date): Promise<ClaimedTimer[]> {
  return tx.$queryRaw<ClaimedTimer[]>`
    UPDATE "SlaTimer" SET "breachedAt" = ${now}
    WHERE id = ANY(${timerIds}::uuid[])
      AND "breachedAt" IS NULL AND "fulfilledAt" IS NULL AND "pausedAt" IS NULL
      AND "dueAt" <= ${now}
    RETURNING id, "ticketId", stage::text AS stage, "atRiskAt", "dueAt"`;
}
