import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { env } from "@/env";
import type { Db } from "../db/create-client";
import { db as appDb } from "../db/prisma";
import { retryDelayMs } from "./backoff";
import { createMailTransport, isPermanentFailure, MAX_SEND_MS, type MailMessage, type MailTransport } from "./transport";

// Delivers the outbox (see ./outbox.ts). Any number of app instances may run this on one
// database: PostgreSQL decides which of them holds each row, never process memory.
//
// A row is claimed by one UPDATE (PENDING → SENDING, a lease, attempts + 1) whose row locks are
// taken with FOR UPDATE SKIP LOCKED, so two claims never return the same row; a row leaves
// SENDING only through an UPDATE that names the attempt number it claimed (a fencing token), so
// a worker whose lease ran out cannot overwrite the outcome of the one that took the row over.
// No transaction is held open while sending.
//
// What remains is the gap no outbox can close: a process that dies after the SMTP server took a
// mail but before the row says SENT sends it again once the lease runs out. Each send is bounded
// well inside the lease (MAX_SEND_MS) and the stable Message-ID lets mail systems spot the repeat.

export interface MailWorkerOptions {
  /** Defaults to the app's client. */
  db?: Db;
  /** Defaults to createMailTransport(): SMTP_URL, else .eml files. */
  transport?: MailTransport;
  /** Rows claimed per query. */
  batchSize?: number;
  /** How long a claim holds before another worker may take the row over. */
  leaseMs?: number;
  /** Attempts after which a mail is given up as FAILED. */
  maxAttempts?: number;
  /** For the retry jitter; tests pin it. */
  random?: () => number;
  logger?: Pick<Console, "info" | "warn" | "error">;
}

export interface DrainResult {
  sent: number;
  /** Failed this time, scheduled again. */
  retried: number;
  /** Given up: out of attempts, or refused for good. */
  failed: number;
}

export const DEFAULTS = { batchSize: 10, leaseMs: 5 * 60_000, maxAttempts: 8 } as const;
export const LAST_ERROR_MAX = 1_000;

interface ClaimedRow {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  html: string | null;
  attempts: number;
  createdAt: Date;
}

/** A send whose outcome could not be written (the database went away); written on a later pass. */
interface Unrecorded {
  row: ClaimedRow;
  error: unknown | null;
}

class OutboxWorker {
  private readonly unrecorded: Unrecorded[] = [];
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly random: () => number;
  readonly log: Pick<Console, "info" | "warn" | "error">;

  constructor(
    private readonly db: Db,
    private readonly transport: MailTransport,
    options: MailWorkerOptions,
  ) {
    this.batchSize = options.batchSize ?? DEFAULTS.batchSize;
    this.leaseMs = options.leaseMs ?? DEFAULTS.leaseMs;
    this.maxAttempts = options.maxAttempts ?? DEFAULTS.maxAttempts;
    this.random = options.random ?? Math.random;
    this.log = options.logger ?? console;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) throw new RangeError("batchSize must be a positive integer");
    if (!Number.isInteger(this.maxAttempts) || this.maxAttempts < 1) throw new RangeError("maxAttempts must be a positive integer");
    // One send must fit in a lease, or a slow server could let a second worker send the same row.
    if (!(this.leaseMs >= 2 * MAX_SEND_MS)) throw new RangeError(`leaseMs must be at least ${2 * MAX_SEND_MS} ms`);
  }

  /** Sends everything due now; stops early when `signal` aborts. Throws when the database fails. */
  async drain(signal?: AbortSignal): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, retried: 0, failed: 0 };
    await this.recordLeftovers(result);
    while (!signal?.aborted) {
      const claimedAt = performance.now();
      const rows = await this.claim();
      if (rows.length === 0) break;
      for (const [index, row] of rows.entries()) {
        // Measured on this process's clock from before the claim, so it ends no later than the
        // lease the database granted, whatever the two clocks say.
        const leaseLeft = claimedAt + this.leaseMs - performance.now();
        if (signal?.aborted || leaseLeft < MAX_SEND_MS) {
          await this.release(rows.slice(index));
          return result;
        }
        await this.deliver(row, result);
      }
    }
    return result;
  }

  private claim(): Promise<ClaimedRow[]> {
    return this.db.$queryRaw<ClaimedRow[]>`
      UPDATE "OutboxMessage"
      SET status = 'SENDING', "lockedUntil" = now() + ${this.leaseMs}::int * interval '1 millisecond', attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM "OutboxMessage"
        -- Webhook deliveries share the outbox and have their own worker (../webhooks/worker.ts).
        WHERE channel = 'email'
          AND ((status = 'PENDING' AND "nextAttemptAt" <= now())
           OR (status = 'SENDING' AND ("lockedUntil" IS NULL OR "lockedUntil" <= now())))
        ORDER BY "nextAttemptAt", "createdAt"
        LIMIT ${this.batchSize}::int
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id, recipient, subject, body, html, attempts, "createdAt"`;
  }

  private async deliver(row: ClaimedRow, result: DrainResult): Promise<void> {
    let error: unknown | null = null;
    try {
      await this.transport.send(toMessage(row));
    } catch (e) {
      error = e;
    }
    try {
      await this.record(row, error, result);
    } catch (dbError) {
      this.unrecorded.push({ row, error });
      throw dbError;
    }
  }

  private async recordLeftovers(result: DrainResult): Promise<void> {
    while (this.unrecorded.length > 0) {
      const { row, error } = this.unrecorded[0]!;
      await this.record(row, error, result);
      this.unrecorded.shift();
    }
  }

  private async record(row: ClaimedRow, error: unknown | null, result: DrainResult): Promise<void> {
    let changed: number;
    if (error === null) {
      changed = await this.db.$executeRaw`
        UPDATE "OutboxMessage" SET status = 'SENT', "sentAt" = now(), "lockedUntil" = NULL
        WHERE id = ${row.id}::uuid AND status = 'SENDING' AND attempts = ${row.attempts}::int`;
      if (changed) result.sent++;
    } else {
      const lastError = describeError(error);
      if (row.attempts >= this.maxAttempts || isPermanentFailure(error)) {
        changed = await this.db.$executeRaw`
          UPDATE "OutboxMessage" SET status = 'FAILED', "lockedUntil" = NULL, "lastError" = ${lastError}
          WHERE id = ${row.id}::uuid AND status = 'SENDING' AND attempts = ${row.attempts}::int`;
        if (changed) {
          result.failed++;
          this.log.error(`[mail] gave up on outbox ${row.id} after ${row.attempts} attempt(s): ${lastError}`);
        }
      } else {
        const delayMs = retryDelayMs(row.attempts, this.random);
        changed = await this.db.$executeRaw`
          UPDATE "OutboxMessage"
          SET status = 'PENDING', "lockedUntil" = NULL, "lastError" = ${lastError},
              "nextAttemptAt" = now() + ${delayMs}::int * interval '1 millisecond'
          WHERE id = ${row.id}::uuid AND status = 'SENDING' AND attempts = ${row.attempts}::int`;
        if (changed) {
          result.retried++;
          this.log.warn(
            `[mail] outbox ${row.id} attempt ${row.attempts} failed, retrying in ${Math.round(delayMs / 1000)} s: ${lastError}`,
          );
        }
      }
    }
    if (!changed) this.log.warn(`[mail] outbox ${row.id}: its claim had lapsed and was taken over before the outcome was recorded`);
  }

  /** Hands back claimed rows not yet tried, uncounted, so any worker can take them at once. */
  private async release(rows: ClaimedRow[]): Promise<void> {
    for (const row of rows) {
      await this.db.$executeRaw`
        UPDATE "OutboxMessage" SET status = 'PENDING', "lockedUntil" = NULL, attempts = attempts - 1
        WHERE id = ${row.id}::uuid AND status = 'SENDING' AND attempts = ${row.attempts}::int`;
    }
  }
}

function toMessage(row: ClaimedRow): MailMessage {
  return { id: row.id, to: row.recipient, subject: row.subject, text: row.body, html: row.html, createdAt: new Date(row.createdAt) };
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.length > LAST_ERROR_MAX ? `${text.slice(0, LAST_ERROR_MAX - 1)}…` : text;
}

/**
 * Sends everything that is due, then returns what happened: the one-shot form of the worker,
 * for tests and scripts. Several may run at once, in one process or many.
 */
export async function drainOutbox(options: MailWorkerOptions = {}): Promise<DrainResult> {
  const transport = options.transport ?? createMailTransport();
  try {
    return await new OutboxWorker(options.db ?? appDb(), transport, options).drain();
  } finally {
    if (!options.transport) transport.close();
  }
}

export interface RunMailWorkerOptions extends MailWorkerOptions {
  /** Aborting it ends the loop: the mail in hand is finished, the rest of the batch handed back. */
  signal: AbortSignal;
  /** Pause between passes; defaults to MAIL_POLL_MS. */
  intervalMs?: number;
}

/**
 * Drains the outbox every `intervalMs` until `signal` aborts. Never rejects because of the
 * database or the mail server: it logs, waits longer (up to a minute) while the database is
 * unreachable, and carries on.
 */
export async function runMailWorker(options: RunMailWorkerOptions): Promise<void> {
  const { signal } = options;
  const intervalMs = options.intervalMs ?? env().MAIL_POLL_MS;
  const transport = options.transport ?? createMailTransport();
  const worker = new OutboxWorker(options.db ?? appDb(), transport, options);
  let failures = 0;
  try {
    while (!signal.aborted) {
      try {
        await worker.drain(signal);
        if (failures > 0) worker.log.info(`[mail] outbox worker working again after ${failures} failed pass(es)`);
        failures = 0;
      } catch (error) {
        failures++;
        worker.log.error(
          `[mail] outbox pass failed (${failures} in a row), will try again:`,
          error instanceof Error ? error.message : error,
        );
      }
      const wait = failures === 0 ? intervalMs : Math.min(Math.max(intervalMs, 60_000), intervalMs * 2 ** Math.min(failures, 10));
      try {
        await sleep(wait, undefined, { signal, ref: false });
      } catch {
        // Aborted: the loop condition ends it.
      }
    }
  } finally {
    if (!options.transport) transport.close();
  }
}
