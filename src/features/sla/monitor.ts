import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "@/server/db/create-client";
import { db as appDb } from "@/server/db/prisma";
import { sweepBatch } from "./sweep-batch";
import { sweepRegulatoryBatch } from "@/features/regulation/sweep";
import { consoleLogger } from "@/server/ops/logger";

// The SLA monitor: every minute, records each stage clock that passed its at-risk point or its
// deadline, once, and tells the supervisors. Any number of app instances may sweep one database
// at the same moment; PostgreSQL decides which of them records each timer, never process memory.
//
// Exactly once, per batch transaction:
//  1. read up to `batchSize` due timers (no locks; both index range scans stop at `now`);
//  2. lock their tickets with FOR UPDATE SKIP LOCKED. Every writer of a ticket (agents' changes,
//     customers' replies, claims) locks the ticket row before it touches its timers, so taking the
//     ticket first keeps one lock order everywhere (no deadlock with an agent's change), and a
//     ticket another instance or an agent holds right now is left for that one / the next pass;
//  3. claim with conditional updates — `SET "atRiskRecordedAt" = now WHERE … AND
//     "atRiskRecordedAt" IS NULL RETURNING`, the same for "breachedAt". PostgreSQL re-checks the
//     condition on the newest committed row before it updates, so of any number of concurrent
//     sweeps exactly one gets each row back; the others get nothing and write nothing;
//  4. in the same transaction, write what the returned rows call for: the events, the breach
//     policy on the ticket, a notice and a mail per supervisor. A failure rolls the claim back
//     with them, and the next pass records it again.
//
// A batch is one short transaction (up to 500 timers, fewer when there are many supervisors to
// mail), so a backlog after downtime is worked off in slices and an agent waits at most about a
// second for a ticket the monitor holds.

export interface SlaMonitorLogger {
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

export interface SweepOptions {
  /** Defaults to the app's client. */
  db?: Db;
  /** Timers per transaction, at most; fewer when there are many supervisors to mail (see timersPerBatch). */
  batchSize?: number;
  /** Stops between batches. */
  signal?: AbortSignal;
}

export interface SweepResult {
  atRisk: number;
  breached: number;
  /** Regulatory clocks (src/features/regulation/sweep.ts) warned and breached. */
  regulatoryWarned: number;
  regulatoryBreached: number;
  batches: number;
  /** Tickets another transaction held (another instance, an agent); looked at again next pass. */
  deferred: number;
}

export const SLA_MONITOR_DEFAULTS = { batchSize: 500, intervalMs: 60_000 } as const;

// A batch of 500 writes a few thousand rows; generous, so a slow disk or an embedded database
// serving another connection's transaction first does not abort a batch that is making progress.
const TRANSACTION = { maxWait: 30_000, timeout: 120_000 } as const;
const FALLBACK_TIME_ZONE = "Asia/Jakarta";
// Mail is queued through enqueueMail, a few round trips per mail (about 1.5 ms each here), and a
// batch can queue two per timer per supervisor; this many per batch keeps a batch near a second.
const MAILS_PER_BATCH = 600;
const MIN_TIMERS_PER_BATCH = 10;
// Consecutive batches that recorded nothing and found nothing new in the way before a sweep gives up
// (a timer fulfilled between the read and the lock is simply gone; this only guards against a loop).
const MAX_IDLE_BATCHES = 3;

/**
 * How many timers one transaction takes: `batchSize`, fewer when each timer means many mails,
 * so that ticket locks are held for about a second even in a catch-up after downtime.
 */
export function timersPerBatch(batchSize: number, supervisors: number): number {
  const byMail = Math.floor(MAILS_PER_BATCH / (2 * Math.max(1, supervisors)));
  return Math.min(batchSize, Math.max(MIN_TIMERS_PER_BATCH, byMail));
}

/**
 * Records every at-risk point and deadline passed by `now` and not yet recorded, each once, in
 * batches of `batchSize` timers per transaction. After downtime it catches up on everything that
 * fell due meanwhile; events carry the real moment as well as `now`. Paused timers (waiting on the
 * customer) and fulfilled ones (finished stages, closed tickets) are not looked at. Throws when the
 * database fails; what was committed before stays committed.
 */
export async function sweepSla(now: Date = new Date(), options: SweepOptions = {}): Promise<SweepResult> {
  const client = options.db ?? appDb();
  const batchSize = options.batchSize ?? SLA_MONITOR_DEFAULTS.batchSize;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError("batchSize must be a positive integer");
  const calendar = await client.businessCalendar.findFirst({ where: { isDefault: true }, select: { timeZone: true } });
  const timeZone = calendar?.timeZone ?? FALLBACK_TIME_ZONE;
  // Only sizes the batches; each batch reads the supervisors it mails itself.
  const limit = timersPerBatch(batchSize, await client.user.count({ where: { role: "SUPERVISOR", active: true } }));

  const result: SweepResult = { atRisk: 0, breached: 0, regulatoryWarned: 0, regulatoryBreached: 0, batches: 0, deferred: 0 };
  const busy = new Set<string>();
  let idle = 0;
  while (!options.signal?.aborted) {
    const batch = await client.$transaction((tx) => sweepBatch(tx, now, limit, [...busy], timeZone), TRANSACTION);
    if (batch.candidates === 0) break;
    result.batches++;
    result.atRisk += batch.atRisk;
    result.breached += batch.breached;
    const newlyBusy = batch.busyTickets.filter((id) => !busy.has(id));
    for (const id of newlyBusy) busy.add(id);
    if (batch.atRisk + batch.breached === 0 && newlyBusy.length === 0) {
      if (++idle >= MAX_IDLE_BATCHES) break;
    } else {
      idle = 0;
    }
  }
  // The regulatory clocks, the same way, in batches of their own.
  const busyRegulatory = new Set<string>();
  idle = 0;
  while (!options.signal?.aborted) {
    const batch = await client.$transaction((tx) => sweepRegulatoryBatch(tx, now, limit, [...busyRegulatory]), TRANSACTION);
    if (batch.candidates === 0) break;
    result.batches++;
    result.regulatoryWarned += batch.warned;
    result.regulatoryBreached += batch.breached;
    const newlyBusy = batch.busyTickets.filter((id) => !busyRegulatory.has(id));
    for (const id of newlyBusy) busyRegulatory.add(id);
    if (batch.warned + batch.breached === 0 && newlyBusy.length === 0) {
      if (++idle >= MAX_IDLE_BATCHES) break;
    } else {
      idle = 0;
    }
  }
  result.deferred = busy.size + busyRegulatory.size;
  return result;
}

export interface RunSlaMonitorOptions extends Omit<SweepOptions, "signal"> {
  /** Aborting it ends the loop after the batch in hand. */
  signal: AbortSignal;
  /** Between the end of one sweep and the start of the next. */
  intervalMs?: number;
  /** The sweep's `now`; tests move it. */
  clock?: () => Date;
  logger?: SlaMonitorLogger;
}

/**
 * Sweeps at once, then every `intervalMs` until `signal` aborts. Never rejects because of the
 * database: a failed sweep is logged and the next tick tries again (and catches up).
 */
export async function runSlaMonitor(options: RunSlaMonitorOptions): Promise<void> {
  const { signal, intervalMs = SLA_MONITOR_DEFAULTS.intervalMs, clock = () => new Date() } = options;
  const log = options.logger ?? consoleLogger("sla");
  let failures = 0;
  while (!signal.aborted) {
    try {
      const result = await sweepSla(clock(), { db: options.db, batchSize: options.batchSize, signal });
      if (failures > 0) log.info(`[sla] monitor working again after ${failures} failed sweep(s)`);
      failures = 0;
      if (result.atRisk + result.breached + result.regulatoryWarned + result.regulatoryBreached > 0) {
        log.info(
          `[sla] recorded ${result.atRisk} at-risk and ${result.breached} breach(es), ${result.regulatoryWarned} regulatory warning(s) and ${result.regulatoryBreached} regulatory breach(es) in ${result.batches} batch(es)`,
        );
      }
    } catch (error) {
      failures++;
      log.error(
        `[sla] sweep failed (${failures} in a row), will try again in ${intervalMs} ms:`,
        error instanceof Error ? error.message : error,
      );
    }
    try {
      await sleep(intervalMs, undefined, { signal, ref: false });
    } catch {
      // Aborted: the loop condition ends it.
    }
  }
}
