import { parseReference } from "@/domain/reference";
import { Prisma } from "@/generated/prisma/client";
import type { QueueCursor } from "./cursor";
import type { QueueFilter } from "./schemas";
import { searchTsQuery } from "@/features/search/search-query";

// The queue's SQL, built in one place so the app runs, and the index test EXPLAINs, the same text.
// Prisma's query builder cannot express the full-text match, and the keyset on a nullable deadline
// needs a shape it would not produce.
//
// The order is (stageDueAt ASC NULLS LAST, number ASC). A keyset over a nullable column is not one
// range, so a page is read in two phases: tickets with a deadline, ordered by it, and then — only when
// those run out — tickets without one, by number. For the equality filters (me, stage, category,
// priority, waiting) the dated phase is one range of an index that starts with the filter's column and
// continues with stageDueAt, read in order from the cursor, so the hundredth page costs what the first
// does. Which index each filter gets on a realistic table is checked in queries.integration.test.ts.

export type QueuePhase = "dated" | "undated";

export interface QueueStatementOptions {
  viewerId: string;
  now: Date;
  cursor?: QueueCursor | null;
  /** Rows each statement may return: the page size plus one, to know whether another page follows. */
  limit: number;
}

export interface QueueStatement {
  phase: QueuePhase | "reference";
  sql: Prisma.Sql;
}

// Open: not CLOSED. Compared as text on purpose, so the planner does not use the column's statistics
// here. Those would have it multiply the share of open tickets by the share with a deadline, but they
// are the same tickets (a closed ticket has no clock); the estimate, far too low, then makes it sort
// every open ticket instead of reading the deadline index in order and stopping after a page.
const OPEN = Prisma.sql`t."stage"::text <> 'CLOSED'`;

// Open tickets without a deadline: in practice none (every open stage has a clock), but the order
// promises them a place at the end. The planner cannot know that "open" and "no deadline" almost
// never meet — closed tickets have no deadline, so it multiplies two large fractions — and would walk
// the whole table in number order looking for them. OFFSET 0 keeps this sub-select whole, so it is
// always the (stage, stageDueAt) index probed at (open stage, NULL): a few index pages, whatever the
// filter; the filter is then applied to what (little) it finds.
const UNDATED = Prisma.sql`(SELECT * FROM "Ticket" u WHERE u."stage" IN ('NEW', 'LISTEN', 'UNDERSTAND', 'RESOLVE', 'APOLOGISE') AND u."stageDueAt" IS NULL OFFSET 0) t`;

/** The ticket a search names by reference (TGP-000123), if it does. */
export function referenceSearch(filter: QueueFilter): number | null {
  return filter.q ? parseReference(filter.q) : null;
}

function filterConditions(filter: QueueFilter, { viewerId, now }: QueueStatementOptions): Prisma.Sql[] {
  const conditions = [OPEN];
  if (filter.assignee === "me") conditions.push(Prisma.sql`t."assigneeId" = ${viewerId}::uuid`);
  if (filter.assignee === "unassigned") conditions.push(Prisma.sql`t."assigneeId" IS NULL`);
  if (filter.assignee && filter.assignee !== "me" && filter.assignee !== "unassigned")
    conditions.push(Prisma.sql`t."assigneeId" = ${filter.assignee}::uuid`);
  if (filter.team === "none") conditions.push(Prisma.sql`t."teamId" IS NULL`);
  else if (filter.team) conditions.push(Prisma.sql`t."teamId" = ${filter.team}::uuid`);
  if (filter.stage) conditions.push(Prisma.sql`t."stage" = ${filter.stage}::"Stage"`);
  // By code in the URL; the sub-select runs once, and the index on (categoryId, stageDueAt) does the rest.
  if (filter.category) conditions.push(Prisma.sql`t."categoryId" = (SELECT c."id" FROM "Category" c WHERE c."code" = ${filter.category})`);
  if (filter.priority) conditions.push(Prisma.sql`t."priority" = ${filter.priority}::"Priority"`);
  if (filter.waiting) conditions.push(Prisma.sql`t."waitingOnCustomer" = true`);
  // Containment, so the GIN index on customFields (jsonb_path_ops) can answer it.
  if (filter.fieldMatch) conditions.push(Prisma.sql`t."customFields" @> ${filter.fieldMatch}::jsonb`);
  if (filter.triage) conditions.push(Prisma.sql`t."needsTriage" = true`);
  // A paused clock is neither at risk nor overdue. Both boxes together: either one.
  if (filter.atRisk || filter.overdue) conditions.push(Prisma.sql`t."waitingOnCustomer" = false`);
  if (filter.overdue && !filter.atRisk) conditions.push(Prisma.sql`t."stageDueAt" <= ${now}`);
  if (filter.atRisk && !filter.overdue) conditions.push(Prisma.sql`t."stageDueAt" > ${now}`, Prisma.sql`t."stageAtRiskAt" <= ${now}`);
  if (filter.atRisk && filter.overdue) conditions.push(Prisma.sql`t."stageAtRiskAt" <= ${now}`);
  // The supervisor board's tickets (features/supervisor/queries.ts): late, or unsafe whatever the clock.
  if (filter.attention)
    conditions.push(
      Prisma.sql`((t."waitingOnCustomer" = false AND t."stageAtRiskAt" <= ${now}) OR t."safetyRisk" OR t."severity" = 'CRITICAL')`,
    );
  // The sub-select hides the query from the planner's estimate, which takes an OR of many stems (see
  // features/search/search-query.ts) for a common match and would then filter every open ticket in deadline order.
  // Unseen, a match is estimated rare (0.5 %), as searches for a name, a product or an order are, and
  // the GIN index is used; it still gets the query's value as its index condition.
  // The enum comparison beside the text one (OPEN) is what lets the planner use the GIN index over open
  // tickets only (the open_ticket_search migration), so a common word does not read the closed history's matches.
  if (filter.q) conditions.push(Prisma.sql`t."stage" <> 'CLOSED'`, Prisma.sql`t."searchVector" @@ (SELECT ${searchTsQuery(filter.q)})`);
  return conditions;
}

function cursorCondition(phase: QueuePhase, cursor: QueueCursor | null | undefined): Prisma.Sql | null {
  if (!cursor) return null;
  const { dueAt, number, direction } = cursor;
  if (phase === "undated") {
    if (dueAt !== null) return null; // every undated ticket lies after a dated cursor (only read going forward)
    return direction === "next" ? Prisma.sql`t."number" > ${number}` : Prisma.sql`t."number" < ${number}`;
  }
  if (dueAt === null) return null; // every dated ticket lies before an undated cursor (only read going back)
  // Written as a range on stageDueAt plus a tie-break, so the range is an index condition.
  return direction === "next"
    ? Prisma.sql`t."stageDueAt" >= ${dueAt} AND (t."stageDueAt" > ${dueAt} OR t."number" > ${number})`
    : Prisma.sql`t."stageDueAt" <= ${dueAt} AND (t."stageDueAt" < ${dueAt} OR t."number" < ${number})`;
}

/** Which phases a page reads, in order: a later one runs only if the earlier ones fell short. */
function phases(filter: QueueFilter, cursor: QueueCursor | null | undefined): QueuePhase[] {
  const all: QueuePhase[] =
    !cursor || cursor.direction === "next"
      ? cursor?.dueAt === null
        ? ["undated"] // past every dated ticket already
        : ["dated", "undated"]
      : cursor.dueAt === null
        ? ["undated", "dated"]
        : ["dated"]; // going back from a dated ticket, there are only dated ones
  // At risk and overdue are statements about a deadline: a ticket without one is neither.
  return filter.atRisk || filter.overdue ? all.filter((p) => p === "dated") : all;
}

const COLUMNS = Prisma.sql`t."id", t."number", t."version", t."subject", t."stage"::text AS "stage", t."priority"::text AS "priority", t."waitingOnCustomer",
  t."stageDueAt", t."stageAtRiskAt", t."assigneeId", t."customerId", t."categoryId",
  t."regime"::text AS "regime", t."regulatoryDueAt", t."regulatoryWarnAt", t."regulatoryPausedAt"`;

function withNames(page: Prisma.Sql, order: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT p."id", p."number", p."version", p."subject", p."stage", p."priority", p."waitingOnCustomer", p."stageDueAt", p."stageAtRiskAt",
    p."assigneeId", p."regime", p."regulatoryDueAt", p."regulatoryWarnAt", p."regulatoryPausedAt", cu."name" AS "customerName", ca."nameEn" AS "categoryNameEn", ca."nameId" AS "categoryNameId", u."name" AS "assigneeName"
  FROM (${page}) p
  JOIN "Customer" cu ON cu."id" = p."customerId"
  JOIN "Category" ca ON ca."id" = p."categoryId"
  LEFT JOIN "User" u ON u."id" = p."assigneeId"
  ORDER BY ${order}`;
}

/**
 * The statements that read one page of the queue for this filter and position, in the order they
 * run. Rows come back in reading order: nearest deadline first going forward, the reverse going back.
 */
export function queueStatements(filter: QueueFilter, options: QueueStatementOptions): QueueStatement[] {
  const reference = referenceSearch(filter);
  if (reference !== null) {
    // A reference names one ticket, open or closed, whatever else the filter says.
    const page = Prisma.sql`SELECT ${COLUMNS} FROM "Ticket" t WHERE t."number" = ${reference}`;
    return options.cursor ? [] : [{ phase: "reference", sql: withNames(page, Prisma.sql`p."number"`) }];
  }
  const conditions = filterConditions(filter, options);
  const forward = !options.cursor || options.cursor.direction === "next";
  return phases(filter, options.cursor).map((phase) => {
    const where = phase === "dated" ? [...conditions, Prisma.sql`t."stageDueAt" IS NOT NULL`] : conditions;
    const position = cursorCondition(phase, options.cursor);
    if (position) where.push(position);
    const dir = forward ? Prisma.sql`ASC` : Prisma.sql`DESC`;
    const inner = phase === "dated" ? Prisma.sql`t."stageDueAt" ${dir}, t."number" ${dir}` : Prisma.sql`t."number" ${dir}`;
    const outer = phase === "dated" ? Prisma.sql`p."stageDueAt" ${dir}, p."number" ${dir}` : Prisma.sql`p."number" ${dir}`;
    const page = Prisma.sql`SELECT ${COLUMNS} FROM ${phase === "dated" ? Prisma.sql`"Ticket" t` : UNDATED} WHERE ${Prisma.join(where, " AND ")} ORDER BY ${inner} LIMIT ${options.limit}`;
    return { phase, sql: withNames(page, outer) };
  });
}
