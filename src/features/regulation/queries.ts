import "server-only";
import { formatReference } from "@/domain/reference";
import type { RegimeCode } from "@/domain/regulation/regimes";
import { readOnReplica } from "@/server/db/replicas";
import { regulatoryClockView, type RegulatoryClockView } from "./view";

export interface RegulatoryAttentionRow {
  reference: string;
  subject: string;
  clock: NonNullable<RegulatoryClockView>;
}

/**
 * Open complaints whose regulatory deadline is near (past its warning point) or missed, the
 * nearest first: the supervisor board's regulatory section. Read through the partial index on the
 * warning point's column family; paused clocks are left out, as the sweep leaves them.
 */
export async function listRegulatoryAttention(now: Date, limit = 100): Promise<RegulatoryAttentionRow[]> {
  return readOnReplica(async (db) => {
    const rows = await db.ticket.findMany({
      where: { stage: { not: "CLOSED" }, regime: { not: "NONE" }, regulatoryPausedAt: null, regulatoryWarnAt: { lte: now } },
      orderBy: { regulatoryDueAt: "asc" },
      take: limit,
      select: {
        number: true,
        subject: true,
        regime: true,
        regulatoryDueAt: true,
        regulatoryWarnAt: true,
        regulatoryPausedAt: true,
        regulatoryBreachedAt: true,
      },
    });
    return rows.flatMap((r) => {
      const clock = regulatoryClockView({ ...r, regime: r.regime as RegimeCode });
      return clock ? [{ reference: formatReference(r.number), subject: r.subject, clock }] : [];
    });
  });
}
