import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/env";
import { readOperationalGauges } from "@/server/ops/metrics-queries";
import { metrics } from "@/server/ops/metrics";
import { clusterMetrics, inCluster } from "@/server/ops/metrics-cluster";

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
  const { registry, outboxMessages, slaBreaches } = metrics();
  await readOperationalGauges();
  const headers = { "Content-Type": registry.contentType, "Cache-Control": "no-store" };
  if (!inCluster()) return new Response(await registry.metrics(), { headers });
  // One process of several (WEB_CONCURRENCY): the counters of every process, aggregated by the
  // cluster's primary, and the database's figures as this process has just read them (the aggregate
  // omits those: src/server/ops/metrics.ts says why).
  let aggregate: string;
  try {
    aggregate = await clusterMetrics();
  } catch (error) {
    // A partial figure would read as a counter reset; a failed scrape is the honest answer.
    return new Response(`Metrics unavailable: ${error instanceof Error ? error.message : String(error)}\n`, {
      status: 503,
      headers: { "Cache-Control": "no-store" },
    });
  }
  const shared = await Promise.all([outboxMessages, slaBreaches].map(async (m) => registry.getSingleMetricAsString((await m.get()).name)));
  return new Response(`${aggregate.trimEnd()}\n\n${shared.join("\n\n")}\n`, { headers });
}
