import "server-only";
import { env } from "@/env";
import { createMailTransport } from "./transport";
import { runMailWorker } from "./worker";

// The app's own mail worker, started from instrumentation.ts: one per server process (instances
// share the outbox through the database). Kept on globalThis because Next may evaluate this
// module more than once in one process.
const RUNNING = Symbol.for("tanggap.mailWorker");
const registry = globalThis as { [RUNNING]?: { controller: AbortController; done: Promise<void> } };

/**
 * Starts the worker once per process; later calls do nothing. Returns a function that stops it
 * and resolves once the mail in hand has been sent and recorded.
 */
export function startMailWorker(): () => Promise<void> {
  const existing = registry[RUNNING];
  if (existing) return stopper(existing);
  const controller = new AbortController();
  // Next's own SIGTERM/SIGINT handlers exit the process; stopping here first means no new
  // claim is made meanwhile (a send cut off mid-way is retried once its lease runs out).
  const stop = () => controller.abort();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);

  const done = (async () => {
    const transport = createMailTransport();
    const where = transport.kind === "smtp" ? `SMTP ${transport.target}` : `writing .eml files to ${transport.target}`;
    console.info(`[mail] outbox worker started: ${where}, every ${env().MAIL_POLL_MS} ms`);
    try {
      await runMailWorker({ signal: controller.signal, transport });
    } finally {
      transport.close();
    }
  })()
    .catch((error: unknown) => {
      // Configuration (a bad SMTP_URL, no DATABASE_URL): the app keeps serving, mail waits in the outbox.
      console.error("[mail] outbox worker stopped:", error instanceof Error ? error.message : error);
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
