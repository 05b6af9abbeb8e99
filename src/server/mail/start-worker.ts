import "server-only";
import { env } from "@/env";
import { logger } from "@/server/ops/logger";
import { startOncePerProcess } from "../jobs/once-per-process";
import { createMailTransport } from "./transport";
import { runMailWorker } from "./worker";

/**
 * The app's own mail worker, started from instrumentation.ts, once per process. Stopping
 * resolves once the mail in hand has been sent and recorded; a send cut off mid-way is
 * retried once its lease runs out. A configuration error (a bad SMTP_URL) stops the
 * worker, not the app: mail waits in the outbox.
 */
export function startMailWorker(): () => Promise<void> {
  return startOncePerProcess("mail", async (signal) => {
    const transport = createMailTransport();
    const where = transport.kind === "smtp" ? `SMTP ${transport.target}` : `writing .eml files to ${transport.target}`;
    logger().info({ component: "mail" }, `[mail] outbox worker started: ${where}, every ${env().MAIL_POLL_MS} ms`);
    try {
      await runMailWorker({ signal, transport });
    } finally {
      transport.close();
    }
  });
}
