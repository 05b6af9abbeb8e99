import "server-only";
import { z } from "zod";
import { startOncePerProcess } from "@/server/jobs/once-per-process";
import { runSlaMonitor, SLA_MONITOR_DEFAULTS } from "./monitor";

// Tests and e2e runs shorten the minute; anything unreadable falls back to it.
const intervalSchema = z.coerce.number().int().min(100).max(3_600_000);

function intervalFromEnv(): number {
  const raw = process.env.SLA_MONITOR_INTERVAL_MS;
  if (raw === undefined || raw === "") return SLA_MONITOR_DEFAULTS.intervalMs;
  const parsed = intervalSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  console.warn(
    `[sla] ignoring SLA_MONITOR_INTERVAL_MS=${JSON.stringify(raw)} (want 100–3600000 ms); checking every ${SLA_MONITOR_DEFAULTS.intervalMs} ms`,
  );
  return SLA_MONITOR_DEFAULTS.intervalMs;
}

/**
 * Starts the monitor once per process. Stopping resolves once the batch in hand has finished;
 * a batch cut off by the process exiting rolls back whole and is recorded on the next start.
 */
export function startSlaMonitor(): () => Promise<void> {
  return startOncePerProcess("sla", async (signal) => {
    const intervalMs = intervalFromEnv();
    console.info(`[sla] monitor started: every ${intervalMs} ms`);
    await runSlaMonitor({ signal, intervalMs });
  });
}
