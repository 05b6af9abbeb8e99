import { Prisma } from "@/generated/prisma/client";
import type { RegisterFilter } from "./register-schemas";

// The complaint register and the regulators' returns, as SQL built in one place: every figure of a
// return is aggregated by PostgreSQL from the same rows the register lists, so the register, its CSV
// and each return can never disagree. A duplicate merged into another complaint is counted once, as
// the survivor (as in the reports).

const NOT_MERGED = Prisma.sql`t."mergedIntoId" IS NULL`;

// Redress (putting a failing right) and goodwill (a gesture) are summed apart: regulators count only
// redress. Amounts are per ticket, in the ticket's currency.
const REDRESS = Prisma.sql`(SELECT coalesce(sum(r."amount"), 0) FROM "Redress" r WHERE r."ticketId" = t."id" AND NOT r."goodwill")`;
const GOODWILL = Prisma.sql`(SELECT coalesce(sum(r."amount"), 0) FROM "Redress" r WHERE r."ticketId" = t."id" AND r."goodwill")`;
const EXTERNAL = Prisma.sql`(SELECT string_agg(e."body"::text || coalesce(' ' || e."reference", ''), '; ' ORDER BY e."referredAt")
  FROM "ExternalEscalation" e WHERE e."ticketId" = t."id")`;
const HAS_EXTERNAL = Prisma.sql`EXISTS (SELECT 1 FROM "ExternalEscalation" e WHERE e."ticketId" = t."id")`;

function registerConditions(filter: RegisterFilter): Prisma.Sql[] {
  const c: Prisma.Sql[] = [NOT_MERGED, Prisma.sql`t."createdAt" >= ${filter.start}`, Prisma.sql`t."createdAt" < ${filter.end}`];
  if (filter.category) c.push(Prisma.sql`t."categoryId" = (SELECT c0."id" FROM "Category" c0 WHERE c0."code" = ${filter.category})`);
  if (filter.regime) c.push(Prisma.sql`t."regime" = ${filter.regime}::"RegimeCode"`);
  if (filter.status === "open") c.push(Prisma.sql`t."stage" <> 'CLOSED'`);
  if (filter.status === "closed") c.push(Prisma.sql`t."stage" = 'CLOSED'`);
  if (filter.outcome) c.push(Prisma.sql`t."outcome" = ${filter.outcome}::"ComplaintOutcome"`);
  if (filter.breached) c.push(Prisma.sql`t."regulatoryBreachedAt" IS NOT NULL`);
  if (filter.external) c.push(HAS_EXTERNAL);
  return c;
}

export interface RegisterRow {
  number: number;
  receivedAt: Date;
  categoryCode: string;
  categoryNameEn: string;
  categoryNameId: string;
  regime: string;
  stage: string;
  rootCause: string | null;
  outcome: string | null;
  currency: string;
  redress: string;
  goodwill: string;
  closedAt: Date | null;
  daysOpen: number;
  regulatoryDueAt: Date | null;
  regulatoryBreachedAt: Date | null;
  external: string | null;
}

/**
 * One page of the register, newest complaint first, read by the ticket number below `before` (a
 * keyset, so the hundredth page costs what the first does).
 */
export function registerStatement(filter: RegisterFilter, now: Date, limit: number, before?: number): Prisma.Sql {
  const conditions = registerConditions(filter);
  if (before !== undefined) conditions.push(Prisma.sql`t."number" < ${before}`);
  return Prisma.sql`SELECT t."number", t."createdAt" AS "receivedAt", ca."code" AS "categoryCode", ca."nameEn" AS "categoryNameEn",
      ca."nameId" AS "categoryNameId", t."regime"::text AS "regime", t."stage"::text AS "stage", t."rootCause"::text AS "rootCause",
      t."outcome"::text AS "outcome", t."currency", ${REDRESS}::text AS "redress", ${GOODWILL}::text AS "goodwill", t."closedAt",
      floor(extract(epoch FROM (coalesce(t."closedAt", ${now}) - t."createdAt")) / 86400)::int AS "daysOpen",
      t."regulatoryDueAt", t."regulatoryBreachedAt", ${EXTERNAL} AS "external"
    FROM "Ticket" t JOIN "Category" ca ON ca."id" = t."categoryId"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY t."number" DESC
    LIMIT ${limit}`;
}

export interface Period {
  start: Date;
  end: Date;
}

const CLOSED_IN = (p: Period) => Prisma.sql`t."closedAt" >= ${p.start} AND t."closedAt" < ${p.end}`;
const OPENED_IN = (p: Period) => Prisma.sql`t."createdAt" >= ${p.start} AND t."createdAt" < ${p.end}`;

export interface OjkReturnRow {
  categoryCode: string | null;
  categoryNameEn: string | null;
  categoryNameId: string | null;
  rootCause: string | null;
  received: number;
  resolved: number;
  inProcess: number;
  unresolved: number;
  medianDaysToResolve: number | null;
  compensation: string;
}

/**
 * OJK's periodic complaint report, per product (category) and type (root cause), for the complaints
 * under the OJK regime: received in the period; and of those handled in it, resolved (closed within
 * the period and not taken to an outside body), in process (open at the period's end), unresolved
 * (closed, and taken to LAPS SJK or OJK); the median calendar days to close; redress (not goodwill)
 * on the complaints closed in the period. The last row is the total.
 */
export function ojkReturnStatement(period: Period): Prisma.Sql {
  return Prisma.sql`WITH handled AS (
      SELECT t."id", t."categoryId", t."rootCause"::text AS "rootCause", t."createdAt", t."closedAt",
        (t."createdAt" >= ${period.start}) AS "receivedIn",
        (t."closedAt" IS NOT NULL AND ${CLOSED_IN(period)}) AS "closedIn",
        (t."closedAt" IS NULL OR t."closedAt" >= ${period.end}) AS "openAtEnd",
        ${HAS_EXTERNAL} AS "external", ${REDRESS} AS "redress"
      FROM "Ticket" t
      WHERE t."regime" = 'OJK' AND ${NOT_MERGED} AND t."createdAt" < ${period.end}
        AND (t."closedAt" IS NULL OR t."closedAt" >= ${period.start})
    )
    SELECT ca."code" AS "categoryCode", ca."nameEn" AS "categoryNameEn", ca."nameId" AS "categoryNameId", h."rootCause",
      count(*) FILTER (WHERE h."receivedIn")::int AS "received",
      count(*) FILTER (WHERE h."closedIn" AND NOT h."external")::int AS "resolved",
      count(*) FILTER (WHERE h."openAtEnd")::int AS "inProcess",
      count(*) FILTER (WHERE h."closedIn" AND h."external")::int AS "unresolved",
      (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (h."closedAt" - h."createdAt")) / 86400)
        FILTER (WHERE h."closedIn"))::float8 AS "medianDaysToResolve",
      coalesce(sum(h."redress") FILTER (WHERE h."closedIn"), 0)::text AS "compensation"
    FROM handled h JOIN "Category" ca ON ca."id" = h."categoryId"
    GROUP BY GROUPING SETS ((ca."code", ca."nameEn", ca."nameId", ca."sortOrder", h."rootCause"), ())
    ORDER BY GROUPING(ca."code"), ca."sortOrder", h."rootCause" NULLS LAST`;
}

export interface FcaReturnRow {
  categoryCode: string | null;
  categoryNameEn: string | null;
  categoryNameId: string | null;
  rootCause: string | null;
  opened: number;
  closed: number;
  closedWithin3Days: number;
  closedWithin8Weeks: number;
  closedLater: number;
  upheld: number;
  upheldPercent: number | null;
  redressPaid: string;
}

/**
 * The FCA's half-yearly complaints return (DISP 1 Annex 1R), per product group (category) and cause
 * (root cause), for complaints under the FCA regime: opened in the period; closed in it, split into
 * closed by the end of the third business day after the day of receipt (on the regime's calendar),
 * after that but within eight weeks of receipt, and later; upheld (fully or partly) and its share
 * of those closed; redress (not goodwill) paid in the period. The last row is the total.
 */
export function fcaReturnStatement(period: Period, calendarId: string): Prisma.Sql {
  return Prisma.sql`WITH handled AS (
      SELECT t."id", t."categoryId", t."rootCause"::text AS "rootCause", t."outcome",
        (${OPENED_IN(period)}) AS "openedIn",
        (t."closedAt" IS NOT NULL AND ${CLOSED_IN(period)}) AS "closedIn",
        (t."closedAt" < tanggap_working_days_end(t."createdAt", 3, ${calendarId}::uuid)) AS "within3",
        (t."closedAt" < t."createdAt" + interval '8 weeks') AS "within8Weeks",
        (SELECT coalesce(sum(r."amount"), 0) FROM "Redress" r
          WHERE r."ticketId" = t."id" AND NOT r."goodwill" AND r."paidAt" >= ${period.start} AND r."paidAt" < ${period.end}) AS "redressPaid"
      FROM "Ticket" t
      WHERE t."regime" = 'FCA' AND ${NOT_MERGED}
        AND (${OPENED_IN(period)} OR (t."closedAt" IS NOT NULL AND ${CLOSED_IN(period)})
          OR EXISTS (SELECT 1 FROM "Redress" r WHERE r."ticketId" = t."id" AND r."paidAt" >= ${period.start} AND r."paidAt" < ${period.end}))
    )
    SELECT ca."code" AS "categoryCode", ca."nameEn" AS "categoryNameEn", ca."nameId" AS "categoryNameId", h."rootCause",
      count(*) FILTER (WHERE h."openedIn")::int AS "opened",
      count(*) FILTER (WHERE h."closedIn")::int AS "closed",
      count(*) FILTER (WHERE h."closedIn" AND h."within3")::int AS "closedWithin3Days",
      count(*) FILTER (WHERE h."closedIn" AND NOT h."within3" AND h."within8Weeks")::int AS "closedWithin8Weeks",
      count(*) FILTER (WHERE h."closedIn" AND NOT h."within8Weeks")::int AS "closedLater",
      count(*) FILTER (WHERE h."closedIn" AND h."outcome" IN ('UPHELD', 'PARTLY_UPHELD'))::int AS "upheld",
      round(100.0 * count(*) FILTER (WHERE h."closedIn" AND h."outcome" IN ('UPHELD', 'PARTLY_UPHELD'))
        / nullif(count(*) FILTER (WHERE h."closedIn"), 0), 1)::float8 AS "upheldPercent",
      coalesce(sum(h."redressPaid"), 0)::text AS "redressPaid"
    FROM handled h JOIN "Category" ca ON ca."id" = h."categoryId"
    GROUP BY GROUPING SETS ((ca."code", ca."nameEn", ca."nameId", ca."sortOrder", h."rootCause"), ())
    ORDER BY GROUPING(ca."code"), ca."sortOrder", h."rootCause" NULLS LAST`;
}

export interface AsicIdrRow {
  number: number;
  receivedAt: Date;
  closedAt: Date | null;
  stage: string;
  categoryCode: string;
  rootCause: string | null;
  outcome: string | null;
  currency: string;
  compensation: string;
  daysToClose: number | null;
  referredToAfca: boolean;
}

/**
 * ASIC's IDR data, one row per complaint under the ASIC regime received or closed in the period
 * (RG 271's data dictionary asks for each complaint, not totals).
 */
export function asicIdrStatement(period: Period): Prisma.Sql {
  return Prisma.sql`SELECT t."number", t."createdAt" AS "receivedAt", t."closedAt", t."stage"::text AS "stage", ca."code" AS "categoryCode",
      t."rootCause"::text AS "rootCause", t."outcome"::text AS "outcome", t."currency", ${REDRESS}::text AS "compensation",
      CASE WHEN t."closedAt" IS NOT NULL THEN floor(extract(epoch FROM (t."closedAt" - t."createdAt")) / 86400)::int END AS "daysToClose",
      EXISTS (SELECT 1 FROM "ExternalEscalation" e WHERE e."ticketId" = t."id" AND e."body" = 'AFCA') AS "referredToAfca"
    FROM "Ticket" t JOIN "Category" ca ON ca."id" = t."categoryId"
    WHERE t."regime" = 'ASIC' AND ${NOT_MERGED}
      AND (${OPENED_IN(period)} OR (t."closedAt" IS NOT NULL AND ${CLOSED_IN(period)}))
    ORDER BY t."number"`;
}

export interface VulnerabilityComparisonRow {
  flagged: boolean;
  received: number;
  closed: number;
  upheldPercent: number | null;
  medianDaysToClose: number | null;
  breached: number;
}

/**
 * Outcomes and times of complaints from customers flagged vulnerable (a flag in force at any time
 * while the complaint was open) beside the others, for the complaints the register's filter selects:
 * the comparison a regulator asks a firm to watch (FCA FG21/1 chapter 6, outcomes monitoring).
 */
export function vulnerabilityComparisonStatement(filter: RegisterFilter, now: Date): Prisma.Sql {
  return Prisma.sql`WITH c AS (
      SELECT t."closedAt", t."createdAt", t."outcome", t."regulatoryBreachedAt",
        EXISTS (SELECT 1 FROM "VulnerabilityFlag" v WHERE v."customerId" = t."customerId"
          AND v."createdAt" <= coalesce(t."closedAt", ${now}) AND (v."removedAt" IS NULL OR v."removedAt" > t."createdAt")) AS "flagged"
      FROM "Ticket" t WHERE ${Prisma.join(registerConditions(filter), " AND ")}
    )
    SELECT f."flagged", count(c."createdAt")::int AS "received",
      count(c."closedAt")::int AS "closed",
      round(100.0 * count(*) FILTER (WHERE c."closedAt" IS NOT NULL AND c."outcome" IN ('UPHELD', 'PARTLY_UPHELD')) / nullif(count(c."closedAt"), 0), 1)::float8 AS "upheldPercent",
      (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (c."closedAt" - c."createdAt")) / 86400))::float8 AS "medianDaysToClose",
      count(c."regulatoryBreachedAt")::int AS "breached"
    FROM (VALUES (true), (false)) AS f("flagged") LEFT JOIN c ON c."flagged" = f."flagged"
    GROUP BY f."flagged" ORDER BY f."flagged" DESC`;
}
