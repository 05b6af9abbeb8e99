import "server-only";
import { env } from "@/env";
import { logger } from "@/server/ops/logger";
import { startOncePerProcess } from "@/server/jobs/once-per-process";
import { runSlaMonitor, SLA_MONITOR_DEFAULTS } from "./monitor";

/**
 * Starts the monitor once per process. Stopping resolves once the batch in hand has finished;
 * a batch cut off by the process exiting rolls back whole and is recorded on the next start.
 */
export function startSlaMonitor(): () => Promise<void> {
  return startOncePerProcess("sla", async (signal) => {
    // Tests and e2e runs shorten the minute (SLA_MONITOR_INTERVAL_MS).
    const intervalMs = env().SLA_MONITOR_INTERVAL_MS ?? SLA_MONITOR_DEFAULTS.intervalMs;
    logger().info({ component: "sla" }, `[sla] monitor started: every ${intervalMs} ms`);
    await runSlaMonitor({ signal, intervalMs });
  });
}
