export const dynamic = "force-dynamic";

// Liveness: the process answers. Never the database — an outage there is not cured by a restart.
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
