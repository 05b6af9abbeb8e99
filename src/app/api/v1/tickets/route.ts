import { parseQueueParams } from "@/features/queue/schemas";
import { listQueueCategories } from "@/features/queue/queries";
import { createTicketBody, idempotencyKeyHeader, listTicketsQuery } from "@/api/schemas";
import { createTicketForApi, listTicketsForApi } from "@/api/tickets";
import { readJsonBody } from "@/api/json-body";
import { ApiProblem } from "@/api/problem";
import { apiRoute } from "@/api/route";
import { loadFieldDefinitions } from "@/features/custom-fields/queries";

export const dynamic = "force-dynamic";

/** The open tickets, nearest deadline first, filtered as the queue filters them; keyset-paginated. */
export const GET = apiRoute("tickets:read", async ({ request, actor }) => {
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const codes = (await listQueueCategories("en")).map((c) => c.code);
  const { filter, cursor } = parseQueueParams(search, codes, await loadFieldDefinitions());
  const { limit } = listTicketsQuery(codes).pick({ limit: true }).parse(search);
  return Response.json(await listTicketsForApi(actor, filter, cursor, limit), { headers: { "Cache-Control": "no-store" } });
});

/** Files a complaint on a customer's behalf, through the same path as the public form. */
export const POST = apiRoute("tickets:write", async ({ request, caller }) => {
  const header = request.headers.get("idempotency-key");
  let idempotencyKey: string | undefined;
  if (header !== null) {
    const key = idempotencyKeyHeader.safeParse(header);
    if (!key.success) {
      throw new ApiProblem("validation", 'Fix the header listed in "errors".', {
        errors: { "Idempotency-Key": ["Use 1 to 200 visible ASCII characters, e.g. a UUID."] },
      });
    }
    // Scoped to the token: two systems choosing the same key never see each other's ticket.
    idempotencyKey = `api:${caller.tokenId}:${key.data}`;
  }
  const fieldDefinitions = await loadFieldDefinitions();
  const input = await readJsonBody(request, createTicketBody(undefined, fieldDefinitions));
  const { ticket, replayed } = await createTicketForApi(input, idempotencyKey, fieldDefinitions);
  return Response.json(ticket, {
    status: replayed ? 200 : 201,
    headers: {
      Location: `/api/v1/tickets/${ticket.reference}`,
      "Cache-Control": "no-store",
      ...(replayed && { "Idempotent-Replayed": "true" }),
    },
  });
});
