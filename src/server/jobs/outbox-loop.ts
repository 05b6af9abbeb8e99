import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "../db/create-client";
import { consoleLogger } from "../ops/logger";
import { metrics } from "../ops/metrics";
import { retryDelayMs } from "./backoff";

// Delivers one channel of the outbox (mail, webhooks). Any number of app instances may run this on
// one database: PostgreSQL decides which of them holds each row, never process memory.
//
// A row is claimed by one UPDATE (PENDING → SENDING, a lease, attempts + 1) whose row locks are
// taken with FOR UPDATE SKIP LOCKED, so two claims never return the same row; a row leaves
// SENDING only through an UPDATE that names the attempt number it claimed (a fencing token), so
// a worker whose lease ran out cannot overwrite the outcome of the one that took the row over.
// No transaction is held open while delivering; each delivery is bounded well inside the lease.
//
// What remains is the gap no outbox can close: a process that dies after the receiver took a row
// but before the row says SENT delivers it again once the lease runs out (receivers deduplicate
// by the row's id: the mail's Message-ID, the webhook's Tanggap-Delivery header).

/** What every claimed row carries; a channel reads more columns (see OutboxChannel.columns). */
export interface ClaimedRow {
  id: string;
  attempts: number;
}

export interface OutboxChannel<Row extends ClaimedRow> {
  /** The rows' OutboxMessage.channel. */
  channel: "email" | "webhook";
  /** For the log: "[mail] gave up on outbox …". */
  log: { prefix: string; noun: string };
  /** Columns read with each claimed row: `c` is the claimed OutboxMessage, plus whatever `join` brings. */
  columns: Prisma.Sql;
  join?: Prisma.Sql;
  /** How long a claim holds before another worker may take the row over, unless the options say. */
  leaseMs: number;
  /** The longest one delivery can take: one is started only with this much of the lease left. */
  maxDeliveryMs: number;
  /** Resolves once the receiver has taken the row; throws otherwise. */
  deliver(row: Row): Promise<void>;
  /** A failure no retry will mend (a refused recipient, a disabled endpoint): given up at once. */
  isPermanent(error: unknown): boolean;
}

export interface OutboxLoopOptions {
  db: Db;
  /** Rows claimed per query. */
  batchSize?: number;
  leaseMs?: number;
  /** Attempts after which a row is given up as FAILED. */
  maxAttempts?: number;
  /** For the retry jitter; tests pin it. */
  random?: () => number;
  logger?: Pick<Console, "info" | "warn" | "error">;
}

export interface OutboxPass {
  delivered: number;
  /** Failed this time, scheduled again. */
  retried: number;
  /** Given up: out of attempts, or refused for good. */
  failed: number;
}

export const OUTBOX_DEFAULTS = { batchSize: 10, maxAttempts: 8 } as const;
export const LAST_ERROR_MAX = 1_000;

/** A delivery whose outcome could not be written (the database went away); written on a later pass. */
interface Unrecorded<Row> {
  row: Row;
  error: unknown | null;
}

export class OutboxLoop<Row extends ClaimedRow> {
  private readonly unrecorded: Unrecorded<Row>[] = [];
  private readonly db: Db;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly random: () => number;
  readonly log: Pick<Console, "info" | "warn" | "error">;

  constructor(
    private readonly channel: OutboxChannel<Row>,
    options: OutboxLoopOptions,
  ) {
    this.db = options.db;
    this.batchSize = options.batchSize ?? OUTBOX_DEFAULTS.batchSize;
    this.leaseMs = options.leaseMs ?? channel.leaseMs;
    this.maxAttempts = options.maxAttempts ?? OUTBOX_DEFAULTS.maxAttempts;
    this.random = options.random ?? Math.random;
    this.log = options.logger ?? consoleLogger(channel.channel);
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) throw new RangeError("batchSize must be a positive integer");
    if (!Number.isInteger(this.maxAttempts) || this.maxAttempts < 1) throw new RangeError("maxAttempts must be a positive integer");
    // One delivery must fit in a lease, or a slow receiver could let a second worker deliver the same row.
    if (!(this.leaseMs >= 2 * channel.maxDeliveryMs)) throw new RangeError(`leaseMs must be at least ${2 * channel.maxDeliveryMs} ms`);
  }

  /** Delivers everything due now; stops early when `signal` aborts. Throws when the database fails. */
  async drain(signal?: AbortSignal): Promise<OutboxPass> {
    const result: OutboxPass = { delivered: 0, retried: 0, failed: 0 };
    await this.recordLeftovers(result);
    while (!signal?.aborted) {
      const claimedAt = performance.now();
      const rows = await this.claim();
      if (rows.length === 0) break;
      for (const [index, row] of rows.entries()) {
        // Measured on this process's clock from before the claim, so it ends no later than the
        // lease the database granted, whatever the two clocks say.
        const leaseLeft = claimedAt + this.leaseMs - performance.now();
        if (signal?.aborted || leaseLeft < this.channel.maxDeliveryMs) {
          await this.release(rows.slice(index));
          return result;
        }
        await this.deliver(row, result);
      }
    }
    return result;
  }

  /**
   * Drains every `intervalMs` until `signal` aborts. Never rejects because of the database or the
   * receiver: it logs, waits longer (up to a minute) while the database is unreachable, and carries on.
   */
  async run({ signal, intervalMs }: { signal: AbortSignal; intervalMs: number }): Promise<void> {
    const { prefix } = this.channel.log;
    let failures = 0;
    while (!signal.aborted) {
      try {
        await this.drain(signal);
        if (failures > 0) this.log.info(`${prefix} working again after ${failures} failed pass(es)`);
        failures = 0;
      } catch (error) {
        failures++;
        this.log.error(`${prefix} pass failed (${failures} in a row), will try again:`, error instanceof Error ? error.message : error);
      }
      const wait = failures === 0 ? intervalMs : Math.min(Math.max(intervalMs, 60_000), intervalMs * 2 ** Math.min(failures, 10));
      try {
        await sleep(wait, undefined, { signal, ref: false });
      } catch {
        // Aborted: the loop condition ends it.
      }
    }
  }

  private async claim(): Promise<Row[]> {
    // "takenOver": the row was still SENDING under a lease that ran out (read before the update).
    const rows = await this.db.$queryRaw<(Row & { takenOver: boolean })[]>`
      WITH picked AS (
        SELECT id, status = 'SENDING' AS "takenOver" FROM "OutboxMessage"
        WHERE channel = ${this.channel.channel}
          AND ((status = 'PENDING' AND "nextAttemptAt" <= now())
            OR (status = 'SENDING' AND ("lockedUntil" IS NULL OR "lockedUntil" <= now())))
        ORDER BY "nextAttemptAt", "createdAt"
        LIMIT ${this.batchSize}::int
        FOR UPDATE SKIP LOCKED
      ), c AS (
        UPDATE "OutboxMessage" o
        SET status = 'SENDING', "lockedUntil" = now() + ${this.leaseMs}::int * interval '1 millisecond', attempts = o.attempts + 1
        FROM picked WHERE o.id = picked.id
        RETURNING o.*, picked."takenOver"
      )
      SELECT c.id, c.attempts, c."takenOver", ${this.channel.columns}
      FROM c ${this.channel.join ?? Prisma.empty}
      -- RETURNING has no order; receivers should get a ticket's rows in the order they were written.
      ORDER BY c."nextAttemptAt", c."createdAt"`;
    const takenOver = rows.filter((r) => r.takenOver).length;
    if (takenOver > 0) {
      metrics().claimTakeovers.inc({ channel: this.channel.channel }, takenOver);
      this.log.warn(`${this.channel.log.prefix} took over ${takenOver} row(s) whose claim had lapsed (a worker stopped mid-delivery)`);
    }
    return rows;
  }

  private async deliver(row: Row, result: OutboxPass): Promise<void> {
    let error: unknown | null = null;
    try {
      await this.channel.deliver(row);
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

  private async recordLeftovers(result: OutboxPass): Promise<void> {
    while (this.unrecorded.length > 0) {
      const { row, error } = this.unrecorded[0]!;
      await this.record(row, error, result);
      this.unrecorded.shift();
    }
  }

  private async record(row: Row, error: unknown | null, result: OutboxPass): Promise<void> {
    const { prefix, noun } = this.channel.log;
    let changed: number;
    if (error === null) {
      changed = await this.db.$executeRaw`
        UPDATE "OutboxMessage" SET status = 'SENT', "sentAt" = now(), "lockedUntil" = NULL, "lastError" = NULL
        WHERE id = ${row.id}::uuid AND status = 'SENDING' AND attempts = ${row.attempts}::int`;
      if (changed) result.delivered++;
    } else {
      const lastError = describeError(error);
      if (row.attempts >= this.maxAttempts || this.channel.isPermanent(error)) {
        changed = await this.db.$executeRaw`
          UPDATE "OutboxMessage" SET status = 'FAILED', "lockedUntil" = NULL, "lastError" = ${lastError}
          WHERE id = ${row.id}::uuid AND status = 'SENDING' AND attempts = ${row.attempts}::int`;
        if (changed) {
          result.failed++;
          this.log.error(`${prefix} gave up on ${noun} ${row.id} after ${row.attempts} attempt(s): ${lastError}`);
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
            `${prefix} ${noun} ${row.id} attempt ${row.attempts} failed, retrying in ${Math.round(delayMs / 1000)} s: ${lastError}`,
          );
        }
      }
    }
    if (!changed) this.log.warn(`${prefix} ${noun} ${row.id}: its claim had lapsed and was taken over before the outcome was recorded`);
  }

  /** Hands back claimed rows not yet tried, uncounted, so any worker can take them at once. */
  private async release(rows: Row[]): Promise<void> {
    for (const row of rows) {
      await this.db.$executeRaw`
        UPDATE "OutboxMessage" SET status = 'PENDING', "lockedUntil" = NULL, attempts = attempts - 1
        WHERE id = ${row.id}::uuid AND status = 'SENDING' AND attempts = ${row.attempts}::int`;
    }
  }
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.length > LAST_ERROR_MAX ? `${text.slice(0, LAST_ERROR_MAX - 1)}…` : text;
}
