import "server-only";
import { env } from "@/env";
import { logger } from "@/server/ops/logger";
import { startOncePerProcess } from "../jobs/once-per-process";
import { runWebhookWorker } from "./worker";

/** The app's webhook worker, started from instrumentation.ts, once per process. */
export function startWebhookWorker(): () => Promise<void> {
  return startOncePerProcess("webhooks", async (signal) => {
    logger().info(
      { component: "webhooks" },
      `[webhooks] worker started, every ${env().WEBHOOK_POLL_MS} ms${env().WEBHOOK_ALLOW_PRIVATE === "1" ? " (private addresses allowed)" : ""}`,
    );
    await runWebhookWorker({ signal, leaseMs: env().WEBHOOK_LEASE_MS });
  });
}
