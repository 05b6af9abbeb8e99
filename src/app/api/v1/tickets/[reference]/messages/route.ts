import { addMessageBody } from "@/api/schemas";
import { addMessageForApi } from "@/api/tickets";
import { readJsonBody } from "@/api/json-body";
import { apiRoute } from "@/api/route";

export const dynamic = "force-dynamic";

/** A public reply (mailed to the customer) or an internal note, through the workspace's reply command. */
export const POST = apiRoute<{ reference: string }>("tickets:write", async ({ request, actor }, { reference }) => {
  const input = await readJsonBody(request, addMessageBody);
  const ticket = await addMessageForApi(reference, input, actor);
  return Response.json(ticket, { status: 201, headers: { "Cache-Control": "no-store" } });
});
