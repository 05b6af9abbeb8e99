import "server-only";
import { registerBackgroundWork } from "../ops/lifecycle";
import { logger } from "../ops/logger";

interface Running {
  controller: AbortController;
  done: Promise<void>;
}

/**
 * Runs a background loop once per server process (instances share the work through the
 * database). Kept on globalThis because Next may evaluate a module more than once in one
 * process. SIGTERM/SIGINT abort it before Next's own handlers exit the process, so no new
 * work is claimed meanwhile; the server wrapper's graceful stop waits for it to finish
 * (src/server/ops/lifecycle.ts). Returns a function that stops it and resolves once it has.
 */
export function startOncePerProcess(name: string, run: (signal: AbortSignal) => Promise<void>): () => Promise<void> {
  const key = Symbol.for(`tanggap.${name}`);
  const registry = globalThis as { [key: symbol]: Running | undefined };
  const existing = registry[key];
  if (existing) return stopper(existing);

  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  let unregister = () => {};
  const done = run(controller.signal)
    .catch((error: unknown) => {
      // The loops catch their own failures; this is the last guard for the process.
      logger().error({ component: name }, `[${name}] stopped: ${error instanceof Error ? error.message : String(error)}`);
    })
    .finally(() => {
      process.off("SIGTERM", stop);
      process.off("SIGINT", stop);
      unregister();
      if (registry[key]?.controller === controller) delete registry[key];
    });
  const running = { controller, done };
  registry[key] = running;
  unregister = registerBackgroundWork(name, stopper(running));
  return stopper(running);
}

function stopper(running: Running): () => Promise<void> {
  return () => {
    running.controller.abort();
    return running.done;
  };
}
