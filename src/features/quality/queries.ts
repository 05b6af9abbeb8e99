import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { formatReference } from "@/domain/reference";
import { REPORT_TIME_ZONE } from "@/domain/reports/date-range";
import { db } from "@/server/db/prisma";

/** How far back the samples reach: complaints closed in the last 30 days. */
export const SAMPLE_DAYS = 30;
/** A rating at or below this (of 5) is a low rating, a risk worth a review. */
export const LOW_RATING = 2;
/** How many risk-based candidates the page lists at most. */
export const RISK_LIMIT = 50;

export const RISK_REASONS = ["slaBreached", "escalated", "reopened", "lowRating", "aboveLimit"] as const;
export type RiskReason = (typeof RISK_REASONS)[number];

export interface SampleRow {
  id: string;
  reference: string;
  subject: string;
  closedAt: Date;
  agentName: string | null;
  reasons: RiskReason[];
}

export function listCriteria(options: { activeOnly: boolean }) {
  return db().qualityCriterion.findMany({
    where: options.activeOnly ? { active: true } : {},
    orderBy: [{ sortOrder: "asc" }, { labelEn: "asc" }],
    select: { id: true, labelEn: true, labelId: true, maxScore: true, sortOrder: true, active: true },
  });
}

// Closed in the last SAMPLE_DAYS days, not a merged duplicate, not reviewed yet.
function candidates(now: Date): Prisma.Sql {
  const since = new Date(now.getTime() - SAMPLE_DAYS * 86_400_000);
  return Prisma.sql`t."stage" = 'CLOSED' AND t."closedAt" >= ${since} AND t."closedAt" <= ${now} AND t."mergedIntoId" IS NULL
    AND NOT EXISTS (SELECT 1 FROM "QualityReview" r WHERE r."ticketId" = t."id")`;
}

// Each risk as a boolean column, from what the ticket records: a stage clock breached (recorded, or
// fulfilled after its deadline) or the regulatory clock breached; escalated to a manager; reopened
// (its event); rated low; a resolution above what an agent may grant (the AGENT authority limit).
const REASON_COLUMNS = Prisma.sql`
  (t."regulatoryBreachedAt" IS NOT NULL OR EXISTS (SELECT 1 FROM "SlaTimer" st WHERE st."ticketId" = t."id"
    AND (st."breachedAt" IS NOT NULL OR st."fulfilledAt" > st."dueAt"))) AS "slaBreached",
  (t."escalatedAt" IS NOT NULL) AS "escalated",
  EXISTS (SELECT 1 FROM "TicketEvent" e WHERE e."ticketId" = t."id" AND e."type" = 'ticket.reopened') AS "reopened",
  (t."rating" IS NOT NULL AND t."rating" <= ${LOW_RATING}) AS "lowRating",
  coalesce(t."resolutionAmount" > (SELECT a."maxAmount" FROM "AuthorityLimit" a WHERE a."role" = 'AGENT'), false) AS "aboveLimit"`;

type RawSample = { id: string; number: number; subject: string; closedAt: Date; agentName: string | null } & Record<RiskReason, boolean>;

function toSample(row: RawSample): SampleRow {
  return {
    id: row.id,
    reference: formatReference(row.number),
    subject: row.subject,
    closedAt: row.closedAt,
    agentName: row.agentName,
    reasons: RISK_REASONS.filter((r) => row[r]),
  };
}

/** A random sample of `size` complaints closed in the last 30 days and not reviewed yet. */
export async function drawRandomSample(now: Date, size: number): Promise<SampleRow[]> {
  const rows = await db().$queryRaw<RawSample[]>`
    SELECT t."id", t."number", t."subject", t."closedAt", u."name" AS "agentName", ${REASON_COLUMNS}
    FROM "Ticket" t LEFT JOIN "User" u ON u."id" = t."assigneeId"
    WHERE ${candidates(now)}
    ORDER BY random() LIMIT ${size}`;
  return rows.map(toSample);
}

/** Every complaint closed in the last 30 days, not reviewed yet, with at least one risk; the riskiest first. */
export async function listRiskSample(now: Date): Promise<SampleRow[]> {
  const rows = await db().$queryRaw<RawSample[]>`
    SELECT * FROM (
      SELECT t."id", t."number", t."subject", t."closedAt", u."name" AS "agentName", ${REASON_COLUMNS}
      FROM "Ticket" t LEFT JOIN "User" u ON u."id" = t."assigneeId"
      WHERE ${candidates(now)}
    ) s
    WHERE s."slaBreached" OR s."escalated" OR s."reopened" OR s."lowRating" OR s."aboveLimit"
    ORDER BY (s."slaBreached"::int + s."escalated"::int + s."reopened"::int + s."lowRating"::int + s."aboveLimit"::int) DESC,
      s."closedAt" DESC, s."number"
    LIMIT ${RISK_LIMIT}`;
  return rows.map(toSample);
}

export interface AgentMonthRow {
  agentId: string | null;
  agentName: string | null;
  /** YYYY-MM, in the reports' time zone. */
  month: string;
  reviews: number;
  /** The mean of each review's score as a percentage of its maximum, to one decimal. */
  averagePercent: number;
}

/** Per agent and month of review: how many reviews, and their average percentage of the maximum. */
export async function listAgentScores(): Promise<AgentMonthRow[]> {
  return db().$queryRaw<AgentMonthRow[]>`
    WITH per_review AS (
      SELECT r."id", r."agentId", to_char(r."createdAt" AT TIME ZONE ${REPORT_TIME_ZONE}, 'YYYY-MM') AS "month",
        100.0 * sum(s."score") / sum(s."maxScore") AS "percent"
      FROM "QualityReview" r JOIN "QualityScore" s ON s."reviewId" = r."id"
      GROUP BY r."id"
    )
    SELECT p."agentId", u."name" AS "agentName", p."month", count(*)::int AS "reviews", round(avg(p."percent"), 1)::float8 AS "averagePercent"
    FROM per_review p LEFT JOIN "User" u ON u."id" = p."agentId"
    GROUP BY p."agentId", u."name", p."month"
    ORDER BY u."name" NULLS LAST, p."month" DESC`;
}
