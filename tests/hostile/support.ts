// Shared by the hostile specs: the server under test, its database, and complaints over HTTP.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { CATEGORY_CODES } from "../../src/domain/categories";
import { actionResult, builtActions, callAction, type BuiltAction } from "../support/server-actions";

export const STATE_DIR = join(process.cwd(), process.env.E2E_STATE_DIR ?? ".data/hostile");
export const databaseUrl = () => readFileSync(join(STATE_DIR, "database-url"), "utf8").trim();

let actions: Map<string, BuiltAction> | undefined;
export function action(name: string): BuiltAction {
  actions ??= builtActions();
  const found = actions.get(name);
  if (!found) throw new Error(`${name} is not in the build`);
  return found;
}

export interface Submission {
  status: number;
  outcome: "acknowledged" | "refused" | "transport";
  reference?: string;
  trackingPath?: string;
  trackingUrl?: string;
  message?: string;
  code?: string;
  fieldErrors?: Record<string, string[]>;
}

export function complaintFields(tag: string, i: number, extra: Record<string, string | Blob> = {}): Record<string, string | Blob> {
  return {
    name: `Load Customer ${i}`,
    email: `${tag}-${i}@example.test`,
    category: CATEGORY_CODES[i % CATEGORY_CODES.length]!,
    narrative: `Complaint ${tag}-${i}: the parcel arrived damaged and the box was open.`,
    desiredOutcome: "A replacement",
    ...extra,
  };
}

/** Files a complaint as the browser does; never throws, so a load can count every outcome. */
export async function submitComplaint(
  baseUrl: string,
  fields: Record<string, string | Blob>,
  headers: Record<string, string> = {},
  origin?: string,
): Promise<Submission> {
  try {
    const response = await callAction({ baseUrl, action: action("submitComplaint"), args: "state+form", fields, headers, origin });
    const result = actionResult(response.text) as
      | { status: "success"; result: { reference: string; trackingPath: string; trackingUrl: string } }
      | { status: "error"; message: string; code?: string; fieldErrors: Record<string, string[]> }
      | null;
    if (result?.status === "success") return { status: response.status, outcome: "acknowledged", ...result.result };
    if (result?.status === "error")
      return { status: response.status, outcome: "refused", message: result.message, code: result.code, fieldErrors: result.fieldErrors };
    return { status: response.status, outcome: "transport", message: response.text.slice(0, 200) };
  } catch (error) {
    return { status: 0, outcome: "transport", message: String(error) };
  }
}

export async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export interface StoredTicket {
  email: string;
  reference: number;
  filed: number;
  timers: number;
  outbox: number;
  sent: number;
}

/** Every ticket filed from these addresses, with the rows that must come with it. */
export async function storedTickets(emailPrefix: string): Promise<StoredTicket[]> {
  return sql<StoredTicket>(
    `SELECT c.email, t.number AS reference,
       (SELECT count(*)::int FROM "TicketEvent" e WHERE e."ticketId" = t.id AND e.type = 'ticket.filed') AS filed,
       (SELECT count(*)::int FROM "SlaTimer" s WHERE s."ticketId" = t.id) AS timers,
       (SELECT count(*)::int FROM "OutboxMessage" o WHERE o."ticketId" = t.id AND o.kind = 'receipt') AS outbox,
       (SELECT count(*)::int FROM "OutboxMessage" o WHERE o."ticketId" = t.id AND o.kind = 'receipt' AND o.status = 'SENT') AS sent
     FROM "Ticket" t JOIN "Customer" c ON c.id = t."customerId" WHERE c.email LIKE $1`,
    [`${emailPrefix}-%`],
  );
}

export const formatReference = (n: number) => `TGP-${String(n).padStart(6, "0")}`;

/** Runs `work` over `items`, at most `limit` at a time. */
export async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!);
      }
    }),
  );
  return results;
}
