import type { Server } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { markDraining, stopBackgroundWork } from "./lifecycle";

export interface GracefulStopOptions {
  server: Server;
  /** How long the instance keeps serving while readiness says 503, so a balancer stops sending. */
  graceMs: number;
  /** The longest wait for requests in flight and background work, after which connections are cut. */
  timeoutMs: number;
  log: { info(msg: string): void; warn(msg: string): void };
}

/**
 * A rolling restart's stop: readiness turns false at once, the instance keeps serving for the
 * grace period, then takes no new connection, finishes the requests in flight, stops the
 * background loops (which hand back their claims) and resolves. Responses while draining carry
 * `Connection: close` (see next-server.ts), so kept-alive clients reconnect elsewhere.
 */
export async function gracefulStop({ server, graceMs, timeoutMs, log }: GracefulStopOptions): Promise<"clean" | "timed out"> {
  markDraining();
  log.info(`draining: readiness is 503; taking no new connections in ${graceMs} ms`);
  if (graceMs > 0) await sleep(graceMs);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // close() ends the connections idle now; one whose request is still in flight stays kept-alive
  // after its answer until the client's keep-alive timeout, so it is ended as soon as it idles.
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  void closed.finally(() => clearInterval(sweep));
  const stopped = Promise.all([closed, stopBackgroundWork()]).then(() => "clean" as const);
  const timer = sleep(timeoutMs, "timed out" as const, { ref: false });
  const outcome = await Promise.race([stopped, timer]);
  clearInterval(sweep);
  if (outcome === "timed out") {
    log.warn(`stopping: requests or background work still running after ${timeoutMs} ms were cut off`);
    server.closeAllConnections();
  } else {
    log.info("stopped: every request in flight answered and the background work stopped");
  }
  return outcome;
}
