import "server-only";
import { env } from "@/env";
import { startOncePerProcess } from "@/server/jobs/once-per-process";
import { logger } from "@/server/ops/logger";
import { runInboundPoller } from "./poller";

/** Starts the inbound mail poller once per process; instances share the mailboxes through PostgreSQL. */
export function startInboundPoller(): () => Promise<void> {
  return startOncePerProcess("inbound", async (signal) => {
    const intervalMs = env().INBOUND_POLL_MS;
    logger().info({ component: "inbound" }, `[inbound] poller started: every ${intervalMs} ms`);
    await runInboundPoller({ signal, intervalMs });
  });
}
