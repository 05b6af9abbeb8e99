import type { ReportId } from "@/domain/reports/table";
import { DateTime } from "luxon";
import { REPORT_TIME_ZONE } from "@/domain/reports/date-range";
import { Prisma } from "@/generated/prisma/client";

// Every report is one statement that aggregates in PostgreSQL and returns only the rows the table
// shows; nothing is counted in JavaScript. The statements are built here, in one place, so the app
// runs — and the tests EXPLAIN — the same text.
//
// Each reads its period through one column: SLA timers by "startedAt", satisfaction by "ratedAt",
// compensation by "closedAt", recurrence by the ticket's "createdAt", each as a half-open range
// [start, end) so that it can be an index range. The backlog is a snapshot of now.

export interface ReportFilter {
  /** Category code. */
  category?: string;
  teamId?: string;
  /** The ticket's assignee (today's, not at the time). */
  agentId?: string;
}

export interface ReportWindow {
  start: Date;
  end: Date;
  /** Start of the period of the same length just before [start, end), for trends. */
  previousStart: Date;
  /** What counts as "now" for open clocks and ages. */
  now: Date;
}

const STAGE_ROWS = Prisma.sql`(VALUES ('NEW', 1), ('LISTEN', 2), ('UNDERSTAND', 3), ('RESOLVE', 4), ('APOLOGISE', 5)) AS s("stage", "ord")`;
// The same, with a row for the total (stage NULL, as GROUPING SETS' () row has it).
const STAGE_ROWS_AND_TOTAL = Prisma.sql`(VALUES ('NEW', 1), ('LISTEN', 2), ('UNDERSTAND', 3), ('RESOLVE', 4), ('APOLOGISE', 5), (NULL, 6)) AS s("stage", "ord")`;

function ticketConditions(filter: ReportFilter): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filter.category)
    conditions.push(Prisma.sql`t."categoryId" = (SELECT c0."id" FROM "Category" c0 WHERE c0."code" = ${filter.category})`);
  if (filter.teamId) conditions.push(Prisma.sql`t."teamId" = ${filter.teamId}::uuid`);
  if (filter.agentId) conditions.push(Prisma.sql`t."assigneeId" = ${filter.agentId}::uuid`);
  return conditions;
}

const and = (conditions: Prisma.Sql[]) => (conditions.length ? Prisma.sql` AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty);

// A duplicate merged into another ticket is the same complaint counted once, as the survivor: its
// own outcome, rating and timers stay out of the reports.
const NOT_MERGED = Prisma.sql`t."mergedIntoId" IS NULL`;
// For timers, without a join per timer: the merged tickets are few, so PostgreSQL hashes their ids once.
const TIMER_NOT_MERGED = Prisma.sql`st."ticketId" NOT IN (SELECT m."id" FROM "Ticket" m WHERE m."mergedIntoId" IS NOT NULL)`;

/** Timers started in the window, joined to their ticket only when a filter needs it. */
function timersInWindow(filter: ReportFilter, window: ReportWindow, extra: Prisma.Sql = Prisma.empty): Prisma.Sql {
  const conditions = ticketConditions(filter);
  const join = conditions.length ? Prisma.sql` JOIN "Ticket" t ON t."id" = st."ticketId"` : Prisma.empty;
  return Prisma.sql`"SlaTimer" st${join} WHERE st."startedAt" >= ${window.start} AND st."startedAt" < ${window.end}${extra}${and([TIMER_NOT_MERGED, ...conditions])}`;
}

// Four reports can be read from the tickets and clocks or from the daily rollups (further down).
// Each is written once, as a function of its `per` relation: the rows it aggregates, whichever
// source they come from; the direct and rollup builders only say how those rows are counted.

/**
 * SLA compliance per stage, for the timers started in the window. Met: fulfilled at or before its
 * deadline with no breach recorded. Breached: a breach recorded, fulfilled after the deadline, or
 * still running (not paused) past it at `now`. Running: neither yet. % met = met / (met + breached).
 * `per`: rows of ("stage", "started", "met", "breached"), several per stage allowed.
 */
function slaCompliance(per: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH per AS (${per}), totals AS (
      SELECT "stage", sum("started")::int AS "started", sum("met")::int AS "met", sum("breached")::int AS "breached"
      FROM per GROUP BY GROUPING SETS (("stage"), ())
      HAVING sum("started") > 0
    )
    SELECT s."stage", coalesce(x."started", 0) AS "started", coalesce(x."met", 0) AS "met", coalesce(x."breached", 0) AS "breached",
      coalesce(x."started", 0) - coalesce(x."met", 0) - coalesce(x."breached", 0) AS "running",
      round(100.0 * x."met" / nullif(x."met" + x."breached", 0), 1)::float8 AS "metPercent"
    FROM ${STAGE_ROWS_AND_TOTAL}
    LEFT JOIN totals x ON x."stage" IS NOT DISTINCT FROM s."stage"
    ORDER BY s."ord"`;
}

/** SLA compliance counted from the timers themselves. */
export function slaComplianceSql(filter: ReportFilter, window: ReportWindow): Prisma.Sql {
  return slaCompliance(Prisma.sql`
      SELECT st."stage"::text AS "stage", count(*) AS "started",
        count(*) FILTER (WHERE st."fulfilledAt" IS NOT NULL AND st."fulfilledAt" <= st."dueAt" AND st."breachedAt" IS NULL) AS "met",
        count(*) FILTER (WHERE st."breachedAt" IS NOT NULL OR st."fulfilledAt" > st."dueAt"
          OR (st."fulfilledAt" IS NULL AND st."pausedAt" IS NULL AND st."dueAt" < ${window.now}::timestamptz)) AS "breached"
      FROM ${timersInWindow(filter, window)}
      GROUP BY st."stage"`);
}

/**
 * Time spent per stage: for timers started in the window and fulfilled, the wall-clock time from
 * start to fulfilment (nights, weekends and pauses included), and the business time the SLA counts
 * (opening hours only, less the time paused; stored on the clock when it is fulfilled, see
 * fulfilledBusinessSeconds), each's median and 90th percentile in hours, rounded to 0.1 h.
 *
 * Percentiles cannot be summed over days, so they are read from histograms of the durations in
 * buckets 5 % wide (migration 20261214200000_time_per_stage_histograms: report_duration_bucket,
 * report_histogram_percentile): each within 5 % of percentile_cont over the durations themselves.
 * The direct report buckets the clocks with the same functions, so it equals the rollups exactly.
 * `per`: rows of ("stage", "bucket", "wall", "business"), counts of clocks whose wall-clock and
 * business duration fall in the bucket, several per stage and bucket allowed.
 */
function timePerStage(per: Prisma.Sql): Prisma.Sql {
  const percentile = (counts: string, p: number) =>
    Prisma.sql`report_histogram_percentile(array_agg("bucket" ORDER BY "bucket"), array_agg(${Prisma.raw(`"${counts}"`)} ORDER BY "bucket"), ${Prisma.raw(String(p))})`;
  const hours = (seconds: string) => Prisma.raw(`round((x."${seconds}" / 3600)::numeric, 1)::float8`);
  return Prisma.sql`
    WITH per AS (${per}), histograms AS (
      SELECT "stage", "bucket", sum("wall") AS "wall", sum("business") AS "business" FROM per GROUP BY "stage", "bucket"
    ), stats AS (
      SELECT "stage", sum("wall")::int AS "fulfilled",
        ${percentile("wall", 0.5)} AS "p50", ${percentile("wall", 0.9)} AS "p90",
        ${percentile("business", 0.5)} AS "businessP50", ${percentile("business", 0.9)} AS "businessP90"
      FROM histograms GROUP BY "stage"
    )
    SELECT s."stage", coalesce(x."fulfilled", 0) AS "fulfilled",
      ${hours("p50")} AS "medianHours", ${hours("p90")} AS "p90Hours",
      ${hours("businessP50")} AS "businessMedianHours", ${hours("businessP90")} AS "businessP90Hours"
    FROM ${STAGE_ROWS}
    LEFT JOIN stats x ON x."stage" = s."stage"
    ORDER BY s."ord"`;
}

/** Time per stage from the clocks themselves, bucketed as the rollups are. */
export function timePerStageSql(filter: ReportFilter, window: ReportWindow): Prisma.Sql {
  return timePerStage(Prisma.sql`
      SELECT st."stage"::text AS "stage", d."bucket", sum(d."wall") AS "wall", sum(d."business") AS "business"
      FROM (SELECT st."stage", st."startedAt", st."fulfilledAt", st."businessSeconds"
        FROM ${timersInWindow(filter, window, Prisma.sql` AND st."fulfilledAt" IS NOT NULL`)}) st
      CROSS JOIN LATERAL (VALUES (report_wall_bucket(st."startedAt", st."fulfilledAt"), 1, 0),
        (report_duration_bucket(st."businessSeconds"), 0, 1)) AS d("bucket", "wall", "business")
      WHERE d."bucket" IS NOT NULL
      GROUP BY st."stage", d."bucket"`);
}

/**
 * Open tickets now, per stage, by age since filing (wall-clock days): under 1, 1 to under 3, 3 to
 * under 7, 7 to under 30, 30 and more. The window does not apply: a backlog is a snapshot.
 */
export function backlogSql(filter: ReportFilter, window: ReportWindow): Prisma.Sql {
  return Prisma.sql`
    WITH open AS (
      SELECT t."stage"::text AS "stage", ${window.now}::timestamptz - t."createdAt" AS "age"
      FROM "Ticket" t
      WHERE t."stage" IN ('NEW', 'LISTEN', 'UNDERSTAND', 'RESOLVE', 'APOLOGISE')${and(ticketConditions(filter))}
    ), totals AS (
      SELECT "stage",
        (count(*) FILTER (WHERE "age" < interval '1 day'))::int AS "under1",
        (count(*) FILTER (WHERE "age" >= interval '1 day' AND "age" < interval '3 days'))::int AS "from1to3",
        (count(*) FILTER (WHERE "age" >= interval '3 days' AND "age" < interval '7 days'))::int AS "from3to7",
        (count(*) FILTER (WHERE "age" >= interval '7 days' AND "age" < interval '30 days'))::int AS "from7to30",
        (count(*) FILTER (WHERE "age" >= interval '30 days'))::int AS "over30",
        count(*)::int AS "total"
      FROM open GROUP BY GROUPING SETS (("stage"), ())
    )
    SELECT s."stage", coalesce(x."under1", 0) AS "under1", coalesce(x."from1to3", 0) AS "from1to3", coalesce(x."from3to7", 0) AS "from3to7",
      coalesce(x."from7to30", 0) AS "from7to30", coalesce(x."over30", 0) AS "over30", coalesce(x."total", 0) AS "total"
    FROM ${STAGE_ROWS_AND_TOTAL}
    LEFT JOIN totals x ON x."stage" IS NOT DISTINCT FROM s."stage"
    ORDER BY s."ord"`;
}

/**
 * Satisfaction per category and overall, for ratings given in the window: how many, the average
 * (1–5, to 0.01), and the share of those who answered "would you trust us again" who said yes.
 * `per`: rows of ("categoryId", "rated", "ratingSum", "trustAnswered", "trustYes"), one per category.
 */
function satisfaction(per: Prisma.Sql): Prisma.Sql {
  // Counted per category id first (a hash over a narrow key), then named and rolled up: grouping the
  // ticket rows by the category's text columns would sort every row of a long range.
  return Prisma.sql`
    WITH per AS (${per})
    SELECT c."code", c."nameEn", c."nameId", GROUPING(c."id") = 1 AS "isTotal",
      coalesce(sum(p."rated"), 0)::int AS "rated",
      round(sum(p."ratingSum")::numeric / nullif(sum(p."rated"), 0), 2)::float8 AS "averageRating",
      coalesce(sum(p."trustAnswered"), 0)::int AS "trustAnswered",
      round(100.0 * sum(p."trustYes") / nullif(sum(p."trustAnswered"), 0), 1)::float8 AS "trustPercent"
    FROM per p
    JOIN "Category" c ON c."id" = p."categoryId"
    GROUP BY GROUPING SETS ((c."id", c."code", c."nameEn", c."nameId", c."sortOrder"), ())
    ORDER BY GROUPING(c."id"), c."sortOrder", c."code"`;
}

/** Satisfaction counted from the rated tickets. */
export function satisfactionSql(filter: ReportFilter, window: ReportWindow): Prisma.Sql {
  return satisfaction(Prisma.sql`
      SELECT t."categoryId", count(*) AS "rated", sum(t."rating") AS "ratingSum",
        count(t."wouldTrustAgain") AS "trustAnswered", count(*) FILTER (WHERE t."wouldTrustAgain") AS "trustYes"
      FROM "Ticket" t
      WHERE t."ratedAt" >= ${window.start} AND t."ratedAt" < ${window.end} AND t."rating" IS NOT NULL${and([NOT_MERGED, ...ticketConditions(filter)])}
      GROUP BY t."categoryId"`);
}

/**
 * Resolutions given and compensation paid, for tickets closed in the window, per category,
 * resolution and currency, with a total per currency. Paid is the closed ticket's resolution
 * amount: a ticket can only close with an amount that was within the agent's authority or approved.
 * `per`: rows of ("categoryId", "resolutionOptionId", "currency", "tickets", "withAmount", "paid").
 */
function resolutions(per: Prisma.Sql): Prisma.Sql {
  // As for satisfaction: aggregate by ids, then name and roll up the few groups.
  return Prisma.sql`
    WITH per AS (${per})
    SELECT c."code", c."nameEn", c."nameId", o."kind"::text AS "kind", o."labelEn", o."labelId", p."currency",
      GROUPING(c."id") = 1 AS "isTotal",
      sum(p."tickets")::int AS "tickets", sum(p."withAmount")::int AS "withAmount",
      coalesce(sum(p."paid"), 0)::numeric(16, 2)::text AS "paid"
    FROM per p
    JOIN "Category" c ON c."id" = p."categoryId"
    LEFT JOIN "ResolutionOption" o ON o."id" = p."resolutionOptionId"
    GROUP BY GROUPING SETS (
      (c."id", c."code", c."nameEn", c."nameId", c."sortOrder", o."id", o."kind", o."labelEn", o."labelId", o."sortOrder", p."currency"),
      (p."currency"))
    ORDER BY GROUPING(c."id"), c."sortOrder", c."code", o."sortOrder" NULLS LAST, o."kind", p."currency"`;
}

/** Resolutions counted from the closed tickets. */
export function resolutionsSql(filter: ReportFilter, window: ReportWindow): Prisma.Sql {
  return resolutions(Prisma.sql`
      SELECT t."categoryId", t."resolutionOptionId", t."currency", count(*) AS "tickets", count(t."resolutionAmount") AS "withAmount", sum(t."resolutionAmount") AS "paid"
      FROM "Ticket" t
      WHERE t."stage" = 'CLOSED' AND t."closedAt" >= ${window.start} AND t."closedAt" < ${window.end}${and([NOT_MERGED, ...ticketConditions(filter)])}
      GROUP BY t."categoryId", t."resolutionOptionId", t."currency"`);
}

/** How many preventive actions the recurrence report lists per root cause. */
export const PREVENTIVE_ACTIONS_LISTED = 3;

/**
 * Recurrence: per category and root cause, the complaints filed in the window and in the period of
 * the same length before it, most frequent now first, with the most recently recorded distinct
 * preventive actions (trimmed text; recorded when the ticket closed) among the tickets of both periods.
 * `counts`: rows of ("categoryId", "cause", "thisPeriod", "previousPeriod"), one per category and cause;
 * `latest`: rows of ("categoryId", "cause", "action", "lastAt"), one per distinct action.
 */
function recurrence(counts: Prisma.Sql, latest: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH counts AS (${counts}), latest AS (${latest}), actions AS (
      SELECT "categoryId", "cause", array_agg("action" ORDER BY "lastAt" DESC, "action") AS "actions"
      FROM (SELECT *, row_number() OVER (PARTITION BY "categoryId", "cause" ORDER BY "lastAt" DESC, "action") AS "n" FROM latest) ranked
      WHERE "n" <= ${PREVENTIVE_ACTIONS_LISTED}
      GROUP BY "categoryId", "cause"
    )
    SELECT c."code", c."nameEn", c."nameId", k."cause", k."thisPeriod", k."previousPeriod", k."thisPeriod" - k."previousPeriod" AS "change",
      coalesce(a."actions", ARRAY[]::text[]) AS "actions"
    FROM counts k
    JOIN "Category" c ON c."id" = k."categoryId"
    LEFT JOIN actions a ON a."categoryId" = k."categoryId" AND a."cause" = k."cause"
    ORDER BY k."thisPeriod" DESC, k."thisPeriod" - k."previousPeriod" DESC, c."sortOrder", c."code", k."cause"`;
}

/** Recurrence counted from the tickets filed in both periods. */
export function recurrenceSql(filter: ReportFilter, window: ReportWindow): Prisma.Sql {
  // Two passes over the same tickets rather than one materialised set: the counts need only narrow
  // columns (an index can serve them), the actions only the tickets that have one.
  const inWindow = Prisma.sql`t."createdAt" >= ${window.previousStart} AND t."createdAt" < ${window.end} AND t."rootCause" IS NOT NULL${and([NOT_MERGED, ...ticketConditions(filter)])}`;
  return recurrence(
    Prisma.sql`
      SELECT t."categoryId", t."rootCause"::text AS "cause",
        (count(*) FILTER (WHERE t."createdAt" >= ${window.start}))::int AS "thisPeriod",
        (count(*) FILTER (WHERE t."createdAt" < ${window.start}))::int AS "previousPeriod"
      FROM "Ticket" t
      WHERE ${inWindow}
      GROUP BY t."categoryId", t."rootCause"`,
    Prisma.sql`
      SELECT t."categoryId", t."rootCause"::text AS "cause", btrim(t."preventiveAction") AS "action", max(coalesce(t."closedAt", t."updatedAt")) AS "lastAt"
      FROM "Ticket" t
      WHERE ${inWindow} AND btrim(t."preventiveAction") <> ''
      GROUP BY t."categoryId", t."rootCause", btrim(t."preventiveAction")`,
  );
}

const SOURCE_ROWS_AND_TOTAL = Prisma.sql`(VALUES ('AGENT', 1), ('DISPUTE', 2), ('SAFETY', 3), ('BREACH', 4), (NULL, 5)) AS s("source", "ord")`;

/**
 * Escalations per source (the agent, a dispute, a safety risk, a missed deadline) and overall:
 * those raised in the window, those settled in the window with the median and 90th percentile of
 * the wall-clock hours from escalating to settling, and those waiting for a settlement now.
 * Raised and settled are read from the events, a range of the (type, createdAt) index; each
 * settlement carries the moment it was escalated. Waiting is a snapshot, the head of the
 * (settledAt, escalatedAt) index. Escalations recorded before their source was kept count as the
 * ticket's source.
 */
export function escalationsSql(filter: ReportFilter, window: ReportWindow): Prisma.Sql {
  const events = (type: string) =>
    Prisma.sql`"TicketEvent" e JOIN "Ticket" t ON t."id" = e."ticketId"
      WHERE e."type" = ${type} AND e."createdAt" >= ${window.start} AND e."createdAt" < ${window.end}${and(ticketConditions(filter))}`;
  const source = Prisma.sql`coalesce(e."after"->>'source', t."escalationSource"::text, 'AGENT')`;
  return Prisma.sql`
    WITH raised AS (
      SELECT ${source} AS "source", count(*)::int AS "escalated" FROM ${events("ticket.escalated")}
      GROUP BY GROUPING SETS ((1), ())
    ), settlements AS (
      SELECT ${source} AS "source",
        (EXTRACT(EPOCH FROM (e."createdAt" - (e."after"->>'escalatedAt')::timestamptz)) / 3600)::float8 AS "hours"
      FROM ${events("ticket.settled")}
    ), settled AS (
      SELECT "source", count(*)::int AS "settled",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY "hours") AS "p50",
        percentile_cont(0.9) WITHIN GROUP (ORDER BY "hours") AS "p90"
      FROM settlements GROUP BY GROUPING SETS (("source"), ())
    ), waiting AS (
      SELECT coalesce(t."escalationSource"::text, 'AGENT') AS "source", count(*)::int AS "waiting"
      FROM "Ticket" t
      WHERE t."settledAt" IS NULL AND t."escalatedAt" IS NOT NULL
        AND t."stage" IN ('NEW', 'LISTEN', 'UNDERSTAND', 'RESOLVE', 'APOLOGISE')${and(ticketConditions(filter))}
      GROUP BY GROUPING SETS ((1), ())
    )
    SELECT s."source", coalesce(r."escalated", 0) AS "escalated", coalesce(x."settled", 0) AS "settled",
      round(x."p50"::numeric, 1)::float8 AS "medianHours", round(x."p90"::numeric, 1)::float8 AS "p90Hours",
      coalesce(w."waiting", 0) AS "waiting"
    FROM ${SOURCE_ROWS_AND_TOTAL}
    LEFT JOIN raised r ON r."source" IS NOT DISTINCT FROM s."source"
    LEFT JOIN settled x ON x."source" IS NOT DISTINCT FROM s."source"
    LEFT JOIN waiting w ON w."source" IS NOT DISTINCT FROM s."source"
    ORDER BY s."ord"`;
}

type ReportSqlBuilder = (filter: ReportFilter, window: ReportWindow) => Prisma.Sql;

/** Each report read straight from the tickets, clocks and events: the reference the rollups must equal. */
export const DIRECT_REPORT_SQL: Record<ReportId, ReportSqlBuilder> = {
  sla: slaComplianceSql,
  time: timePerStageSql,
  backlog: backlogSql,
  satisfaction: satisfactionSql,
  resolutions: resolutionsSql,
  recurrence: recurrenceSql,
  escalations: escalationsSql,
};

// ---------------------------------------------------------------------------------------------
// The same reports from the daily rollups ("report_daily", kept by triggers in the transaction of
// each change; see prisma/schema.prisma and migration 20261204200000_report_daily_rollups). A range
// of whole business days is a SUM over its days' rows — a few rows per day whatever the history —
// so a year costs what a month does. Only what changes with the clock and not with a write is read
// directly: the running clocks now past their deadline (bounded by the open work).

const NO_ONE = "00000000-0000-0000-0000-000000000000";

/** The rollup rows of one fact for the days of [from, end), at the grain the filter needs. */
function rollupRows(fact: string, filter: ReportFilter, from: Date, end: Date): Prisma.Sql {
  return rollupRowsOfDays(fact, filter, Prisma.sql`report_day(${from}::timestamptz)`, Prisma.sql`report_day(${end}::timestamptz)`);
}

/** The same, for the rows whose "day" is in [from, end), two SQL dates. */
function rollupRowsOfDays(fact: string, filter: ReportFilter, from: Prisma.Sql, end: Prisma.Sql): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filter.category)
    conditions.push(Prisma.sql`r."categoryId" = (SELECT c0."id" FROM "Category" c0 WHERE c0."code" = ${filter.category})`);
  if (filter.teamId) conditions.push(Prisma.sql`r."teamId" = ${filter.teamId}::uuid`);
  return Prisma.sql`report_daily r
    WHERE r."byAgent" = ${filter.agentId !== undefined} AND r."agentId" = ${filter.agentId ?? NO_ONE}::uuid AND r."fact" = ${fact}
      AND r."day" >= ${from} AND r."day" < ${end}${and(conditions)}`;
}

const isLocalMidnight = (instant: Date) => {
  const local = DateTime.fromJSDate(instant, { zone: REPORT_TIME_ZONE });
  return local.equals(local.startOf("day"));
};

/** Whether the window is made of whole business days, as every range the reports offer is (the rollups count days). */
export function isWholeDays(window: ReportWindow): boolean {
  return isLocalMidnight(window.start) && isLocalMidnight(window.end) && isLocalMidnight(window.previousStart);
}

/** SLA compliance from the rollups, plus the clocks running unpaused past their deadline now. */
export function slaComplianceRollupSql(filter: ReportFilter, window: ReportWindow): Prisma.Sql {
  return slaCompliance(Prisma.sql`
      SELECT r."k1" AS "stage", sum(r."n1") AS "started", sum(r."n2") AS "met", sum(r."n3") AS "breached"
      FROM ${rollupRows("sla", filter, window.start, window.end)}
      GROUP BY r."k1"
      UNION ALL
      SELECT st."stage"::text, 0, 0, count(*)
      FROM "SlaTimer" st JOIN "Ticket" t ON t."id" = st."ticketId"
      WHERE st."fulfilledAt" IS NULL AND st."breachedAt" IS NULL AND st."pausedAt" IS NULL AND st."dueAt" < ${window.now}::timestamptz
        AND st."startedAt" >= ${window.start} AND st."startedAt" < ${window.end}${and([NOT_MERGED, ...ticketConditions(filter)])}
      GROUP BY st."stage"`);
}

/** Satisfaction from the rollups: sums of ratings and counts per category. */
export function satisfactionRollupSql(filter: ReportFilter, window: ReportWindow): Prisma.Sql {
  return satisfaction(Prisma.sql`
      SELECT r."categoryId", sum(r."n1") AS "rated", sum(r."n2") AS "ratingSum", sum(r."n3") AS "trustAnswered", sum(r."n4") AS "trustYes"
      FROM ${rollupRows("rated", filter, window.start, window.end)}
      GROUP BY r."categoryId"
      HAVING sum(r."n1") > 0`);
}

/** Resolutions and compensation from the rollups. */
export function resolutionsRollupSql(filter: ReportFilter, window: ReportWindow): Prisma.Sql {
  return resolutions(Prisma.sql`
      SELECT r."categoryId", nullif(r."k1", '')::uuid AS "resolutionOptionId", r."k2" AS "currency",
        sum(r."n1") AS "tickets", sum(r."n2") AS "withAmount", sum(r."amount") AS "paid"
      FROM ${rollupRows("closed", filter, window.start, window.end)}
      GROUP BY r."categoryId", r."k1", r."k2"
      HAVING sum(r."n1") > 0`);
}

/** Recurrence from the rollups: counts per root cause and day, and the latest moment of each distinct preventive action. */
export function recurrenceRollupSql(filter: ReportFilter, window: ReportWindow): Prisma.Sql {
  return recurrence(
    Prisma.sql`
      SELECT r."categoryId", r."k1" AS "cause",
        (coalesce(sum(r."n1") FILTER (WHERE r."day" >= report_day(${window.start}::timestamptz)), 0))::int AS "thisPeriod",
        (coalesce(sum(r."n1") FILTER (WHERE r."day" < report_day(${window.start}::timestamptz)), 0))::int AS "previousPeriod"
      FROM ${rollupRows("created", filter, window.previousStart, window.end)}
      GROUP BY r."categoryId", r."k1"
      HAVING sum(r."n1") > 0`,
    Prisma.sql`
      SELECT r."categoryId", r."k1" AS "cause", max(r."label") AS "action", max(r."lastAt") AS "lastAt"
      FROM ${rollupRows("action", filter, window.previousStart, window.end)}
      GROUP BY r."categoryId", r."k1", r."k2"
      HAVING sum(r."n1") > 0`,
  );
}

/**
 * The window's days as ranges of rollup rows: its whole calendar months from the monthly rows
 * (fact `${fact}_month`, day the month's first), the days before and after them from the daily ones.
 */
function daysAndMonths(fact: string, window: ReportWindow): { fact: string; from: string; end: string }[] {
  const day = (instant: Date) => DateTime.fromJSDate(instant, { zone: REPORT_TIME_ZONE }).startOf("day");
  const [first, end] = [day(window.start), day(window.end)];
  const firstMonth = first.equals(first.startOf("month")) ? first : first.startOf("month").plus({ months: 1 });
  const endMonth = end.startOf("month");
  const ranges =
    firstMonth < endMonth
      ? [
          { fact, from: first, end: firstMonth },
          { fact: `${fact}_month`, from: firstMonth, end: endMonth },
          { fact, from: endMonth, end },
        ]
      : [{ fact, from: first, end }];
  return ranges.filter((r) => r.from < r.end).map((r) => ({ fact: r.fact, from: r.from.toISODate()!, end: r.end.toISODate()! }));
}

/** Time per stage from the rollups' histograms, summed over the window's months and days. */
export function timePerStageRollupSql(filter: ReportFilter, window: ReportWindow): Prisma.Sql {
  const parts = daysAndMonths("time", window).map(
    (r) => Prisma.sql`
      SELECT r."k1" AS "stage", r."k2"::int AS "bucket", sum(r."n1") AS "wall", sum(r."n2") AS "business"
      FROM ${rollupRowsOfDays(r.fact, filter, Prisma.sql`${r.from}::date`, Prisma.sql`${r.end}::date`)}
      GROUP BY r."k1", r."k2"`,
  );
  // An empty window still names the columns, with no row.
  return timePerStage(
    parts.length
      ? Prisma.join(parts, " UNION ALL ")
      : Prisma.sql`SELECT NULL::text AS "stage", 0 AS "bucket", 0 AS "wall", 0 AS "business" WHERE false`,
  );
}

/** The reports that have rollups; the others are read directly (see DIRECT_REPORT_SQL). */
export const ROLLUP_REPORT_SQL: Partial<Record<ReportId, ReportSqlBuilder>> = {
  sla: slaComplianceRollupSql,
  time: timePerStageRollupSql,
  satisfaction: satisfactionRollupSql,
  resolutions: resolutionsRollupSql,
  recurrence: recurrenceRollupSql,
};

/** The statement the app runs for a report: from the rollups when it has them and the window is whole days. */
export function reportSql(id: ReportId, filter: ReportFilter, window: ReportWindow): Prisma.Sql {
  const rollup = ROLLUP_REPORT_SQL[id];
  return rollup && isWholeDays(window) ? rollup(filter, window) : DIRECT_REPORT_SQL[id](filter, window);
}
