import { openApiDocument } from "@/api/openapi";

// Public: it describes the API, and holds nothing a token would protect.
export function GET() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
