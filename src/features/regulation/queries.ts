import "server-only";
import { formatReference } from "@/domain/reference";
import type { RegimeCode } from "@/domain/regulation/regimes";
import { Prisma } from "@/generated/prisma/client";
import { readOnReplica } from "@/server/db/replicas";
import { regulatoryClockView, type RegulatoryClockView } from "./view";

export interface RegulatoryAttentionRow {
  reference: string;
  subject: string;
  clock: NonNullable<RegulatoryClockView>;
}

interface AttentionRecord {
  number: number;
  subject: string;
  regime: string;
  regulatoryDueAt: Date | null;
  regulatoryWarnAt: Date | null;
  regulatoryPausedAt: Date | null;
  regulatoryBreachedAt: Date | null;
}

/**
 * Open complaints whose regulatory deadline is near (past its warning point) or missed, the
 * nearest first: the supervisor board's regulatory section; paused clocks are left out, as the
 * sweep leaves them. Raw SQL so that PostgreSQL can prove the partial index's predicate
 * (Ticket_regulatory_board_idx): Prisma writes enum values as casts of parameters, which the planner
 * cannot compare with the index's constants, and it then read every ticket.
 */
export function regulatoryAttentionStatement(now: Date, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT "number", "subject", "regime"::text AS "regime", "regulatoryDueAt", "regulatoryWarnAt", "regulatoryPausedAt", "regulatoryBreachedAt"
    FROM "Ticket"
    WHERE "stage" <> 'CLOSED' AND "regime" <> 'NONE' AND "regulatoryPausedAt" IS NULL AND "regulatoryWarnAt" <= ${now}
    ORDER BY "regulatoryDueAt", "regulatoryWarnAt"
    LIMIT ${limit}`;
}

export async function listRegulatoryAttention(now: Date, limit = 100): Promise<RegulatoryAttentionRow[]> {
  return readOnReplica(async (db) => {
    const rows = await db.$queryRaw<AttentionRecord[]>(regulatoryAttentionStatement(now, limit));
    return rows.flatMap((r) => {
      const clock = regulatoryClockView({ ...r, regime: r.regime as RegimeCode });
      return clock ? [{ reference: formatReference(r.number), subject: r.subject, clock }] : [];
    });
  });
}
