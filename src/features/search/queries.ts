import "server-only";
import { formatReference } from "@/domain/reference";
import type { Stage } from "@/domain/stages";
import { db } from "@/server/db/prisma";
import type { SearchScope } from "./schemas";
import { type MatchReason, SEARCH_LIMIT, searchStatement } from "./search-sql";

export interface SearchResult {
  id: string;
  reference: string;
  subject: string;
  customerName: string;
  stage: Stage;
  updatedAt: Date;
  reason: MatchReason;
}

interface RawResult {
  id: string;
  number: number;
  subject: string;
  stage: Stage;
  updatedAt: Date;
  customerName: string;
  reason: MatchReason;
}

/** Tickets of any customer, open or closed as the scope says, best match first; for staff only (internal notes are searched). */
export async function searchTickets(text: string, scope: SearchScope, limit = SEARCH_LIMIT): Promise<SearchResult[]> {
  const rows = await db().$queryRaw<RawResult[]>(searchStatement(text, scope, limit));
  return rows.map(({ number, ...row }) => ({ ...row, reference: formatReference(number) }));
}
