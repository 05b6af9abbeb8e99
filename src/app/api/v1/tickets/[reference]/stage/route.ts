import { moveStageBody } from "@/api/schemas";
import { moveStageForApi } from "@/api/tickets";
import { readJsonBody } from "@/api/json-body";
import { apiRoute } from "@/api/route";

export const dynamic = "force-dynamic";

/** Moves the ticket to its next stage; a 422 lists every gate still unmet. */
export const POST = apiRoute<{ reference: string }>("tickets:move", async ({ request, actor }, { reference }) => {
  const input = await readJsonBody(request, moveStageBody);
  return Response.json(await moveStageForApi(reference, input, actor), { headers: { "Cache-Control": "no-store" } });
});
