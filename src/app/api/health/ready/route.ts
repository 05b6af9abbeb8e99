import { db } from "@/server/db/prisma";
import { isDraining } from "@/server/ops/lifecycle";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

// Readiness: whether a balancer should send this instance requests. Not while it drains on its way
// out (src/server/ops/graceful-stop.ts), and not while the database does not answer.
export async function GET() {
  if (isDraining()) return Response.json({ status: "unavailable", reason: "draining" }, { status: 503, headers: NO_STORE });
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" }, { headers: NO_STORE });
  } catch {
    return Response.json({ status: "unavailable", reason: "database unreachable" }, { status: 503, headers: NO_STORE });
  }
}
