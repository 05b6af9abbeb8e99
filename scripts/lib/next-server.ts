// The HTTP server in front of Next.js, started by ./launch.ts: `next start` (or `next dev`)
// plus what Next leaves to us — the client's address, resolved from the socket and never from a
// header the client wrote (see src/server/client-ip.ts); a request id, one JSON log line and a
// latency sample per request; and a graceful stop on SIGTERM. In production it runs WEB_CONCURRENCY
// such servers (node:cluster, one port; see ./cluster.ts). Usage:
//   tsx scripts/lib/next-server.ts <start|dev> <port>
import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { CLIENT_IP_HEADER, resolveClientIp } from "../../src/server/client-ip";
import { gracefulStop } from "../../src/server/ops/graceful-stop";
import { isDraining } from "../../src/server/ops/lifecycle";
import { logger } from "../../src/server/ops/logger";
import { metrics } from "../../src/server/ops/metrics";
import { answerClusterMetrics } from "../../src/server/ops/metrics-cluster";
import { requestIdFor } from "../../src/server/ops/request-id";
import { pathForLog, routeMatcher } from "../../src/server/ops/request-paths";
import { MAX_BODY_BYTES } from "../../src/server/request-limits";
import { exitOnBadSettings } from "../../src/server/settings-check";
import { runPrimary } from "./cluster";

const [mode = "start", portText = "3000"] = process.argv.slice(2);
const dev = mode === "dev";
const port = Number(portText);
(process.env as Record<string, string>).NODE_ENV ??= dev ? "development" : "production";
// Every setting, checked before Next loads (instrumentation.ts checks again for a bare `next start`).
const settings = exitOnBadSettings(["AUTH_SECRET", "DATABASE_URL"]);
const log = logger();

// Development runs one process (its compiler is one); production one per core unless told.
const processes = dev ? 1 : (settings.WEB_CONCURRENCY ?? availableParallelism());
if (cluster.isPrimary && processes > 1) {
  process.exit(await runPrimary({ processes, backgroundWork: settings.BACKGROUND_WORK === "1", port, log }));
}

const { default: next } = await import("next");
// Turbopack in development, as `next dev` uses by default.
const app = next({ dev, port, hostname: "0.0.0.0", turbopack: dev });
const handle = app.getRequestHandler();
await app.prepare();

// Metric labels name the app's routes as the build lists them, never a raw path.
const routeOf = routeMatcher(appRoutes());
const { requestDuration, registry } = metrics();
// One of several processes: the primary aggregates every process's registry for a scrape.
if (cluster.isWorker) answerClusterMetrics(registry);

const server = createServer((req, res) => {
  const started = performance.now();
  const id = requestIdFor(req.headers["x-request-id"]);
  req.headers["x-request-id"] = id;
  res.setHeader("X-Request-Id", id);
  // A draining instance answers what it has, then lets kept-alive clients go elsewhere.
  if (isDraining()) res.setHeader("Connection", "close");
  res.once("close", () => {
    const ms = performance.now() - started;
    const status = res.writableFinished ? res.statusCode : 0;
    requestDuration.observe({ method: req.method ?? "GET", route: routeOf(req.url), status: String(status) }, ms / 1000);
    log.info(
      {
        requestId: id,
        method: req.method,
        path: pathForLog(req.url),
        status,
        ms: Math.round(ms * 10) / 10,
        ...(status ? {} : { aborted: true }),
      },
      "request",
    );
  });
  // A body larger than any form is refused with a status that says so; it is drained, never
  // kept, so the client reads the answer instead of a reset connection.
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) {
    req.resume();
    req.once("end", () => {
      res.writeHead(413, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(`Request body too large: the limit is ${MAX_BODY_BYTES / 1024 / 1024} MB.\n`);
    });
    return;
  }
  const forwardedFor = req.headers["x-forwarded-for"];
  req.headers[CLIENT_IP_HEADER] = resolveClientIp(
    req.socket.remoteAddress,
    Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor,
    settings.TRUSTED_PROXY_HOPS,
  );
  void handle(req, res);
});
const upgrade = app.getUpgradeHandler();
server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));
server.listen(port, () => {
  // A cluster's processes share the port; the primary says it once they all listen.
  if (cluster.isPrimary) console.log(`Tanggap (${dev ? "development" : "production"}) on http://localhost:${port}`);
});

// The background loops stop claiming on the same signals (src/server/jobs/once-per-process.ts);
// gracefulStop waits for them and for the requests in flight (src/server/ops/graceful-stop.ts).
// One stop however many signals come: a terminal's Ctrl-C reaches a cluster's processes and its
// primary, which passes it on too, and an unhandled second signal would kill the process mid-stop.
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // A stop that ran out of time is logged; the exit is still the orderly one asked for.
    void gracefulStop({ server, graceMs: settings.DRAIN_GRACE_MS, timeoutMs: settings.SHUTDOWN_TIMEOUT_MS, log }).then(() =>
      process.exit(0),
    );
  });
}

/** The app's page and route paths from the build ("/track/[token]"); none in development. */
function appRoutes(): string[] {
  try {
    const manifest = JSON.parse(readFileSync(join(process.cwd(), ".next", "app-path-routes-manifest.json"), "utf8")) as Record<
      string,
      string
    >;
    return Object.values(manifest);
  } catch {
    return [];
  }
}
