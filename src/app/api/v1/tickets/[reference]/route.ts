import { getTicketForApi } from "@/api/tickets";
import { notFound } from "@/api/problem";
import { apiRoute } from "@/api/route";

export const dynamic = "force-dynamic";

/** One ticket by its reference, with its messages and what its current gate still needs. */
export const GET = apiRoute<{ reference: string }>("tickets:read", async (_api, { reference }) => {
  const ticket = await getTicketForApi(reference);
  if (!ticket) throw notFound();
  return Response.json(ticket, { headers: { "Cache-Control": "no-store" } });
});
