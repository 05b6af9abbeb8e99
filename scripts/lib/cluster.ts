// The primary of a production server with several processes (./next-server.ts forks them): each
// process is a whole server on the one port, node:cluster handing it connections in turn, so
// requests use every core. The primary serves nothing itself. It keeps the processes running,
// runs the background loops in one of them only, and on SIGTERM/SIGINT passes the signal on and
// exits once every process has finished its own graceful stop. It also gathers every process's
// metrics when one of them is scraped (src/server/ops/metrics-cluster.ts).
import cluster, { type Worker } from "node:cluster";
import type { Logger } from "pino";
import { serveClusterMetrics } from "../../src/server/ops/metrics-cluster";

export interface PrimaryOptions {
  processes: number;
  /** Whether this instance runs the background loops at all (BACKGROUND_WORK); then in its first process. */
  backgroundWork: boolean;
  port: number;
  log: Logger;
}

/**
 * Forks `processes` servers and resolves with the exit code once they have all stopped. The
 * background loops (outbox, webhooks, SLA monitor, inbound mail, storage sweep) claim their work
 * in PostgreSQL, so running them in every process would be correct too, only N times the polling;
 * one process runs them, and a replacement for it takes them over. A process that dies is
 * replaced, unless it died before it ever listened (a broken start would only die again): then
 * the others are stopped and the primary exits 1.
 */
export function runPrimary({ processes, backgroundWork, port, log }: PrimaryOptions): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    let failed = false;
    let listening = 0;
    const live = new Set<Worker>();

    const fork = (slot: number) => {
      const worker = cluster.fork({ BACKGROUND_WORK: backgroundWork && slot === 0 ? "1" : "0" });
      live.add(worker);
      let listened = false;
      worker.once("listening", () => {
        listened = true;
        if (++listening === processes) console.log(`Tanggap (production) on http://localhost:${port}, ${processes} processes`);
      });
      worker.once("exit", (code, signal) => {
        live.delete(worker);
        if (!stopping && listened) {
          log.error(
            { worker: worker.process.pid, code, signal },
            `server process ${worker.process.pid} exited (${signal ?? code}); starting another`,
          );
          fork(slot);
          return;
        }
        if (!stopping) {
          log.error({ worker: worker.process.pid, code, signal }, "a server process stopped before it listened; stopping the others");
          failed = true;
          stop("SIGTERM");
        }
        if (live.size === 0) resolve(failed ? 1 : 0);
      });
    };

    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      for (const worker of live) worker.process.kill(signal);
    };
    // Each process drains and stops on its own (gracefulStop); the primary only waits for them.
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => stop(signal));

    serveClusterMetrics();
    for (let slot = 0; slot < processes; slot++) fork(slot);
  });
}
