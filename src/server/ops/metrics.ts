import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

// The process's one metrics registry. The server wrapper (scripts/lib/next-server.ts) records
// request latency, the outbox loops count takeovers, and the /api/metrics route handler reads it:
// Next bundles route handlers apart from the wrapper, so the registry lives on globalThis, never
// in a module's own state.
//
// Under node:cluster (WEB_CONCURRENCY > 1) each process has its own registry and a scrape answers
// with every process's metrics aggregated (./metrics-cluster.ts). prom-client sums a metric across
// the processes unless its `aggregator` says otherwise, so each metric below names its own.
export interface Metrics {
  registry: Registry;
  requestDuration: Histogram<"method" | "route" | "status">;
  outboxMessages: Gauge<"channel" | "status">;
  slaBreaches: Counter;
  claimTakeovers: Counter<"channel">;
}

const KEY = Symbol.for("tanggap.metrics");
const store = globalThis as { [KEY]?: Metrics };

export function metrics(): Metrics {
  return (store[KEY] ??= createMetrics());
}

function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const created: Metrics = {
    registry,
    requestDuration: new Histogram({
      name: "tanggap_http_request_duration_seconds",
      help: "Time to answer a request, by app route (the pattern, never the raw path), method and status.",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      // Each process times the requests it answered: the instance's figures are the sum.
      aggregator: "sum",
      registers: [registry],
    }),
    outboxMessages: new Gauge({
      name: "tanggap_outbox_messages",
      help: "Outbox rows not yet sent, by channel and status (read from the database at scrape time).",
      labelNames: ["channel", "status"],
      // One figure for the whole database, not per process: the process answering the scrape reads
      // it and adds it to the aggregate itself (src/app/api/metrics/route.ts). Summed, it would count
      // N times; taken from the "first" process, it could be another process's stale reading from an
      // earlier scrape (or none at all). So the aggregate leaves it out.
      aggregator: "omit",
      registers: [registry],
    }),
    slaBreaches: new Counter({
      name: "tanggap_sla_breaches_total",
      help: "SLA deadlines recorded as breached, by every instance (read from the database at scrape time).",
      // Read from the database as the outbox depth is, and added by the answering process for the same reason.
      aggregator: "omit",
      registers: [registry],
    }),
    claimTakeovers: new Counter({
      name: "tanggap_outbox_claim_takeovers_total",
      help: "Outbox rows this process claimed after another claim's lease ran out (a worker died or stalled).",
      labelNames: ["channel"],
      // Each process counts the takeovers it made itself.
      aggregator: "sum",
      registers: [registry],
    }),
  };
  // Each channel's series from the start, at zero, so a rate() over it has a beginning.
  for (const channel of ["email", "webhook"]) created.claimTakeovers.inc({ channel }, 0);
  return created;
}
