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
// see the staff_search migration), a name (GIN over the name's words) and the complaint's text with
// its messages, internal notes included (Ticket.searchVector's GIN index; messages are folded into it by
// trigger, so no search ever reads the Message table). Each arm keeps its own best `limit` rows, so a
// common word never drags thousands of rows past the union; a ticket found by several arms keeps its best.
// Exact keys come first, then names, then text by rank; open tickets before closed within each.

export type MatchReason = "reference" | "email" | "phone" | "orderNumber" | "name" | "text" | "message";

export const SEARCH_LIMIT = 50;

const TIER = { exact: 0, name: 1, text: 2 } as const;

function scopeCondition(scope: SearchScope): Prisma.Sql {
  if (scope === "open") return Prisma.sql`t."stage" <> 'CLOSED'`;
  if (scope === "closed") return Prisma.sql`t."stage" = 'CLOSED'`;
  return Prisma.sql`true`;
}

const CLOSED_LAST = Prisma.sql`(t."stage" = 'CLOSED')`;

function arm(
  reason: MatchReason,
  tier: number,
  rank: Prisma.Sql,
  from: Prisma.Sql,
  where: Prisma.Sql,
  scope: SearchScope,
  limit: number,
): Prisma.Sql {
  return Prisma.sql`(SELECT t."id", ${tier}::int AS "tier", ${reason}::text AS "reason", (${rank})::real AS "rank"
    FROM ${from} WHERE ${where} AND ${scopeCondition(scope)}
    ORDER BY ${CLOSED_LAST}, 4 DESC, t."updatedAt" DESC LIMIT ${limit})`;
}

const TICKET = Prisma.sql`"Ticket" t`;
const CUSTOMER_TICKETS = Prisma.sql`"Customer" c JOIN "Ticket" t ON t."customerId" = c."id"`;
const NO_RANK = Prisma.sql`0`;

/** The one statement a staff search runs: every reading of the text, best first. */
export function searchStatement(text: string, scope: SearchScope, limit = SEARCH_LIMIT): Prisma.Sql {
  const arms: Prisma.Sql[] = [];
  const number = parseReference(text) ?? ticketNumberKey(text);
  if (number !== null) arms.push(arm("reference", TIER.exact, NO_RANK, TICKET, Prisma.sql`t."number" = ${number}`, scope, limit));
  const email = emailKey(text);
  if (email) arms.push(arm("email", TIER.exact, NO_RANK, CUSTOMER_TICKETS, Prisma.sql`c."email" = ${email}`, scope, limit));
  const phone = phoneKey(text);
  if (phone) {
    // The number typed with the complaint, and the one on the customer's record: either may be the one they call from.
    arms.push(arm("phone", TIER.exact, NO_RANK, TICKET, Prisma.sql`tanggap_phone_key(t."contactPhone") = ${phone}`, scope, limit));
    arms.push(arm("phone", TIER.exact, NO_RANK, CUSTOMER_TICKETS, Prisma.sql`tanggap_phone_key(c."phone") = ${phone}`, scope, limit));
  }
  const order = orderKey(text);
  if (order)
    arms.push(arm("orderNumber", TIER.exact, NO_RANK, TICKET, Prisma.sql`tanggap_order_key(t."orderNumber") = ${order}`, scope, limit));

  const words = Prisma.sql`plainto_tsquery('simple'::regconfig, ${text})`;
  const customerName = Prisma.sql`to_tsvector('simple'::regconfig, c."name")`;
  const contactName = Prisma.sql`to_tsvector('simple'::regconfig, coalesce(t."contactName", ''))`;
  arms.push(
    arm(
      "name",
      TIER.name,
      Prisma.sql`ts_rank(${customerName}, ${words})`,
      CUSTOMER_TICKETS,
      Prisma.sql`${customerName} @@ ${words}`,
      scope,
      limit,
    ),
  );
  arms.push(
    arm("name", TIER.name, Prisma.sql`ts_rank(${contactName}, ${words})`, TICKET, Prisma.sql`${contactName} @@ ${words}`, scope, limit),
  );

  // As in the queue: the sub-select keeps the planner from estimating a long OR of stems as common,
  // so the GIN index is used; it is still the index condition.
  const query = Prisma.sql`(SELECT ${searchTsQuery(text)})`;
  arms.push(
    arm("text", TIER.text, Prisma.sql`ts_rank(t."searchVector", ${query})`, TICKET, Prisma.sql`t."searchVector" @@ ${query}`, scope, limit),
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
