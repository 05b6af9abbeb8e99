import { openApiDocument } from "@/api/openapi";
import { loadFieldDefinitions } from "@/features/custom-fields/queries";

// Read per request: it documents the custom fields an admin has defined by now.
export const dynamic = "force-dynamic";

// Public: it describes the API, and holds nothing a token would protect (a field's key, type and
// labels are on the public form already; internal fields are not in the request schema).
export async function GET() {
  return Response.json(openApiDocument(await loadFieldDefinitions()), { headers: { "Cache-Control": "public, max-age=60" } });
}
