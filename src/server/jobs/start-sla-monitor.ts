import "server-only";
import { z } from "zod";
import { runSlaMonitor, SLA_MONITOR_DEFAULTS } from "./sla-monitor";

// The app's own SLA monitor, started from instrumentation.ts: one per server process (each
// instance runs one; they share the work through the database). Kept on globalThis because Next
// may evaluate this module more than once in one process.
const RUNNING = Symbol.for("tanggap.slaMonitor");
const registry = globalThis as { [RUNNING]?: { controller: AbortController; done: Promise<void> } };

// Tests and e2e runs shorten the minute; anything unreadable falls back to it.
const intervalSchema = z.coerce.number().int().min(100).max(3_600_000);

function intervalFromEnv(): number {
  const raw = process.env.SLA_MONITOR_INTERVAL_MS;
  if (raw === undefined || raw === "") return SLA_MONITOR_DEFAULTS.intervalMs;
  const parsed = intervalSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  console.warn(`[sla] ignoring SLA_MONITOR_INTERVAL_MS=${JSON.stringify(raw)} (want 100–3600000 ms); checking every ${SLA_MONITOR_DEFAULTS.intervalMs} ms`);
  return SLA_MONITOR_DEFAULTS.intervalMs;
}

/**
 * Starts the monitor once per process; later calls do nothing. Returns a function that stops it
 * and resolves once the batch in hand has finished.
 */
export function startSlaMonitor(): () => Promise<void> {
  const existing = registry[RUNNING];
  if (existing) return stopper(existing);
  const controller = new AbortController();
  const intervalMs = intervalFromEnv();
  // A batch cut off by the process exiting rolls back whole; the next start records it again.
  const stop = () => controller.abort();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  console.info(`[sla] monitor started: every ${intervalMs} ms`);
  const done = runSlaMonitor({ signal: controller.signal, intervalMs })
    .catch((error: unknown) => {
      // runSlaMonitor catches every sweep's failure; this is only a last guard for the process.
      console.error("[sla] monitor stopped:", error instanceof Error ? error.message : error);
    })
    .finally(() => {
      process.off("SIGTERM", stop);
      process.off("SIGINT", stop);
      if (registry[RUNNING]?.controller === controller) delete registry[RUNNING];
    });
  const running = { controller, done };
  registry[RUNNING] = running;
  return stopper(running);
}

function stopper(running: { controller: AbortController; done: Promise<void> }): () => Promise<void> {
  return () => {
    running.controller.abort();
    return running.done;
  };
}
