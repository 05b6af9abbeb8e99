import "server-only";
import { db } from "@/server/db/prisma";
import { hashTrackingToken, isWellFormedTrackingToken } from "@/server/tracking-token";
import { EXTERNAL_BODIES, type ExternalBody } from "@/domain/regulation/regimes";

// The regulated record of one complaint (issue 16): its regime and deadline as set, its outcome,
// redress and external escalations. Separate tables from the ticket's own columns, read here for
// the workspace's regulated panel and the tracking page.

const REDRESS = { id: true, kind: true, goodwill: true, amount: true, currency: true, paidAt: true, note: true } as const;

export async function getRegulatedRecord(ticketId: string) {
  const row = await db().ticket.findUnique({
    where: { id: ticketId },
    select: {
      regime: true,
      paymentServices: true,
      regulatoryDueAt: true,
      outcome: true,
      stage: true,
      redresses: { orderBy: { createdAt: "asc" }, select: REDRESS },
      externalEscalations: {
        orderBy: { referredAt: "asc" },
        select: { id: true, body: true, reference: true, referredAt: true, decidedAt: true, outcome: true, note: true },
      },
    },
  });
  if (!row) return null;
  return { ...row, redresses: row.redresses.map((r) => ({ ...r, amount: r.amount?.toString() ?? null })) };
}
export type RegulatedRecord = NonNullable<Awaited<ReturnType<typeof getRegulatedRecord>>>;

/**
 * What the holder of a tracking link is told of the decision: the outcome and the redress and
 * goodwill (never staff's notes), once a final response or summary resolution was sent or the
 * complaint closed. Null before that, or for an unknown link.
 */
export async function getCustomerDecision(token: string) {
  if (!isWellFormedTrackingToken(token)) return null;
  const row = await db().ticket.findUnique({
    where: { trackingTokenHash: hashTrackingToken(token) },
    select: {
      stage: true,
      outcome: true,
      redresses: { orderBy: { createdAt: "asc" }, select: { kind: true, goodwill: true, amount: true, currency: true, paidAt: true } },
      _count: { select: { letters: { where: { kind: { in: ["FINAL_RESPONSE", "SUMMARY_RESOLUTION"] } } } } },
    },
  });
  if (!row || (row.stage !== "CLOSED" && row._count.letters === 0)) return null;
  if (!row.outcome && row.redresses.length === 0) return null;
  return { outcome: row.outcome, redresses: row.redresses.map((r) => ({ ...r, amount: r.amount?.toString() ?? null })) };
}

/** For the supervisors' reports: complaints taken to each outside body, open and decided. */
export async function externalEscalationCounts(): Promise<{ body: ExternalBody; open: number; decided: number }[]> {
  const rows = await db().$queryRaw<{ body: ExternalBody; open: bigint; decided: bigint }[]>`
    SELECT body::text AS body, count(*) FILTER (WHERE "decidedAt" IS NULL) AS open, count(*) FILTER (WHERE "decidedAt" IS NOT NULL) AS decided
    FROM "ExternalEscalation" GROUP BY body`;
  return EXTERNAL_BODIES.flatMap((body) => {
    const row = rows.find((r) => r.body === body);
    return row ? [{ body, open: Number(row.open), decided: Number(row.decided) }] : [];
  });
}
