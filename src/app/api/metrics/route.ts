import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/env";
import { readOperationalGauges } from "@/server/ops/metrics-queries";
import { metrics } from "@/server/ops/metrics";

export const dynamic = "force-dynamic";

const sha256 = (text: string) => createHash("sha256").update(text).digest();

// Prometheus scrapes with the bearer token METRICS_TOKEN; without the setting there is nothing here.
export async function GET(request: Request) {
  const token = env().METRICS_TOKEN;
  if (!token) return new Response("Not found\n", { status: 404 });
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  // Compared as digests: equal lengths, and no early exit on the first differing character.
  if (!timingSafeEqual(sha256(given), sha256(token))) {
    return new Response("Unauthorized\n", { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"' } });
  }
  const { registry } = metrics();
  await readOperationalGauges();
  return new Response(await registry.metrics(), { headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" } });
}
