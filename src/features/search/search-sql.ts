import { parseReference } from "@/domain/reference";
import { emailKey, orderKey, phoneKey, ticketNumberKey } from "@/domain/search-keys";
import { Prisma } from "@/generated/prisma/client";
import type { SearchScope } from "./schemas";
import { searchTsQuery } from "./search-query";

// The staff search's SQL, built in one place so the app runs, and the index test EXPLAINs, the same text.
//
// One text is read as every kind of thing it could be, and each reading is an "arm" that one index
// answers: a reference (the number's unique index), an address (the customer's unique index, then
// their tickets by customerId), a phone number and an order number (expression indexes on their keys,
// see the staff_search migration), a name as typed with the complaint (GIN over its words) and the complaint's text with
// its messages, internal notes included (Ticket.searchVector's GIN index; messages are folded into it by
// trigger, so no search ever reads the Message table). Each arm keeps its own best `limit` rows, so a
// common word never drags thousands of rows past the union; a ticket found by several arms keeps its best.
// Exact keys come first, then names, then text by rank; open tickets before closed within each.

export type MatchReason = "reference" | "email" | "phone" | "orderNumber" | "name" | "text" | "message";

export const SEARCH_LIMIT = 50;

const TIER = { exact: 0, name: 1, text: 2 } as const;

// Open tickets are the few; closed ones are most of history. A reading that can match thousands of
// tickets (a name, a word) is therefore read in slices, open tickets first (partial indexes over open
// tickets answer them), then closed ones by when they closed, newest first, and a slice is read only
// while the slices before it left the reading short of `limit` (a LIMIT over UNION ALL stops pulling).
// A common word thus reads the open tickets and a week of closings, not two years of them; a rare one
// reads every slice, each small. Exact keys need no slices: their indexes return a handful of rows.
const OPEN = Prisma.sql`t."stage" <> 'CLOSED'`;
const CLOSED = Prisma.sql`t."stage" = 'CLOSED'`;
const CLOSED_SLICES = [
  Prisma.sql`${CLOSED} AND t."closedAt" >= now() - interval '7 days'`,
  Prisma.sql`${CLOSED} AND t."closedAt" >= now() - interval '90 days' AND t."closedAt" < now() - interval '7 days'`,
  Prisma.sql`${CLOSED} AND (t."closedAt" < now() - interval '90 days' OR t."closedAt" IS NULL)`,
];

function scopeSlices(scope: SearchScope): Prisma.Sql[] {
  if (scope === "open") return [OPEN];
  if (scope === "closed") return CLOSED_SLICES;
  return [OPEN, ...CLOSED_SLICES];
}

const CLOSED_LAST = Prisma.sql`(t."stage" = 'CLOSED')`;

interface Arm {
  reason: MatchReason;
  tier: number;
  rank: Prisma.Sql;
  from: Prisma.Sql;
  where: Prisma.Sql;
}

function select({ reason, tier, rank, from, where }: Arm, slice: Prisma.Sql, limit: number): Prisma.Sql {
  return Prisma.sql`SELECT t."id", ${tier}::int AS "tier", ${reason}::text AS "reason", (${rank})::real AS "rank"
    FROM ${from} WHERE ${where} AND ${slice}
    ORDER BY ${CLOSED_LAST}, 4 DESC, t."updatedAt" DESC LIMIT ${limit}`;
}

/** An arm answered by a key's index: a handful of rows, read at once. */
function exactArm(arm: Omit<Arm, "tier" | "rank">, scope: SearchScope, limit: number): Prisma.Sql {
  const slice = scope === "open" ? OPEN : scope === "closed" ? CLOSED : Prisma.sql`true`;
  return Prisma.sql`(${select({ ...arm, tier: TIER.exact, rank: NO_RANK }, slice, limit)})`;
}

/** An arm that may match thousands: read slice by slice until it has `limit` rows. */
function slicedArm(arm: Arm, scope: SearchScope, limit: number): Prisma.Sql {
  const slices = scopeSlices(scope).map((slice) => Prisma.sql`(${select(arm, slice, limit)})`);
  return Prisma.sql`(SELECT * FROM (${Prisma.join(slices, " UNION ALL ")}) s LIMIT ${limit})`;
}

const TICKET = Prisma.sql`"Ticket" t`;
const CUSTOMER_TICKETS = Prisma.sql`"Customer" c JOIN "Ticket" t ON t."customerId" = c."id"`;
const NO_RANK = Prisma.sql`0`;

/** The one statement a staff search runs: every reading of the text, best first. */
export function searchStatement(text: string, scope: SearchScope, limit = SEARCH_LIMIT): Prisma.Sql {
  const arms: Prisma.Sql[] = [];
  const number = parseReference(text) ?? ticketNumberKey(text);
  if (number !== null) arms.push(exactArm({ reason: "reference", from: TICKET, where: Prisma.sql`t."number" = ${number}` }, scope, limit));
  const email = emailKey(text);
  if (email) arms.push(exactArm({ reason: "email", from: CUSTOMER_TICKETS, where: Prisma.sql`c."email" = ${email}` }, scope, limit));
  const phone = phoneKey(text);
  if (phone) {
    // The number typed with the complaint, and the one on the customer's record: either may be the one they call from.
    arms.push(exactArm({ reason: "phone", from: TICKET, where: Prisma.sql`tanggap_phone_key(t."contactPhone") = ${phone}` }, scope, limit));
    arms.push(
      exactArm({ reason: "phone", from: CUSTOMER_TICKETS, where: Prisma.sql`tanggap_phone_key(c."phone") = ${phone}` }, scope, limit),
    );
  }
  const order = orderKey(text);
  if (order)
    arms.push(
      exactArm({ reason: "orderNumber", from: TICKET, where: Prisma.sql`tanggap_order_key(t."orderNumber") = ${order}` }, scope, limit),
    );

  // A name is read as typed with each complaint (older complaints carry their customer's, see the
  // names_as_typed migration): one GIN index over tickets answers it, where joining every customer who
  // shares a common given name cost a second at 1M tickets.
  const words = Prisma.sql`plainto_tsquery('simple'::regconfig, ${text})`;
  const contactName = Prisma.sql`to_tsvector('simple'::regconfig, coalesce(t."contactName", ''))`;
  arms.push(
    slicedArm(
      {
        reason: "name",
        tier: TIER.name,
        rank: Prisma.sql`ts_rank(${contactName}, ${words})`,
        from: TICKET,
        where: Prisma.sql`${contactName} @@ ${words}`,
      },
      scope,
      limit,
    ),
  );

  // As in the queue: the sub-select keeps the planner from estimating a long OR of stems as common,
  // so the GIN index is used; it is still the index condition.
  const query = Prisma.sql`(SELECT ${searchTsQuery(text)})`;
  arms.push(
    slicedArm(
      {
        reason: "text",
        tier: TIER.text,
        rank: Prisma.sql`ts_rank(t."searchVector", ${query})`,
        from: TICKET,
        where: Prisma.sql`t."searchVector" @@ ${query}`,
      },
      scope,
      limit,
    ),
  );

  // Text found outside the subject and narrative was found in a message (or an internal note): said so,
  // worked out for the page of results only.
  const complaintText = Prisma.sql`(tanggap_search_document(t."subject") || tanggap_search_document(t."narrative"))`;
  return Prisma.sql`SELECT t."id", t."number", t."subject", t."stage"::text AS "stage", t."updatedAt", cu."name" AS "customerName",
      CASE WHEN h."reason" = 'text' AND NOT ${complaintText} @@ ${query} THEN 'message' ELSE h."reason" END AS "reason"
    FROM (
      SELECT DISTINCT ON (a."id") a."id", a."tier", a."reason", a."rank"
      FROM (${Prisma.join(arms, " UNION ALL ")}) a
      ORDER BY a."id", a."tier", a."rank" DESC
    ) h
    JOIN "Ticket" t ON t."id" = h."id"
    JOIN "Customer" cu ON cu."id" = t."customerId"
    ORDER BY h."tier", ${CLOSED_LAST}, h."rank" DESC, t."updatedAt" DESC, t."number" DESC
    LIMIT ${limit}`;
}
