import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { isDomainError } from "@/domain/errors";
import { SIGNATURE_HEADER, signWebhook } from "@/domain/webhooks";
import { env } from "@/env";
import type { Db } from "../db/create-client";
import { db as appDb } from "../db/prisma";
import { retryDelayMs } from "../mail/backoff";
import { postWebhook, WEBHOOK_TIMEOUT_MS, WebhookHttpError } from "./post";
import { unsealWebhookSecret } from "./secret";
import { resolveWebhookTarget, type Resolver } from "./target";

// Delivers webhook rows of the outbox (channel "webhook", written by the TicketEvent trigger) the
// way ../mail/worker.ts delivers mail: one UPDATE claims rows with FOR UPDATE SKIP LOCKED and a
// lease, attempts + 1; the outcome is written only by an UPDATE naming the attempt it claimed
// (a fencing token), so a worker whose lease lapsed cannot overwrite its successor's result.
// Failures are retried with the mail's backoff (1 min, 2 min, 4 min … at most an hour).

export interface WebhookWorkerOptions {
  db?: Db;
  batchSize?: number;
  leaseMs?: number;
  maxAttempts?: number;
  /** Defaults to WEBHOOK_ALLOW_PRIVATE. */
  allowPrivate?: boolean;
  /** Defaults to the system resolver; tests point host names where they need them. */
  resolve?: Resolver;
  random?: () => number;
  logger?: Pick<Console, "info" | "warn" | "error">;
}

export interface WebhookDrainResult {
  delivered: number;
  retried: number;
  failed: number;
}

export const WEBHOOK_DEFAULTS = { batchSize: 10, leaseMs: 60_000, maxAttempts: 8 } as const;

interface ClaimedDelivery {
  id: string;
  body: string;
  subject: string;
  attempts: number;
  url: string | null;
  secretSealed: string | null;
  active: boolean | null;
}

export async function drainWebhooks(options: WebhookWorkerOptions = {}): Promise<WebhookDrainResult> {
  const db = options.db ?? appDb();
  const batchSize = options.batchSize ?? WEBHOOK_DEFAULTS.batchSize;
  const leaseMs = Math.max(options.leaseMs ?? WEBHOOK_DEFAULTS.leaseMs, 2 * WEBHOOK_TIMEOUT_MS);
  const maxAttempts = options.maxAttempts ?? WEBHOOK_DEFAULTS.maxAttempts;
  const log = options.logger ?? console;
  const result: WebhookDrainResult = { delivered: 0, retried: 0, failed: 0 };
  for (;;) {
    const rows = await db.$queryRaw<ClaimedDelivery[]>`
      WITH claimed AS (
        UPDATE "OutboxMessage"
        SET status = 'SENDING', "lockedUntil" = now() + ${leaseMs}::int * interval '1 millisecond', attempts = attempts + 1
        WHERE id IN (
          SELECT id FROM "OutboxMessage"
          WHERE channel = 'webhook'
            AND ((status = 'PENDING' AND "nextAttemptAt" <= now())
              OR (status = 'SENDING' AND ("lockedUntil" IS NULL OR "lockedUntil" <= now())))
          ORDER BY "nextAttemptAt", "createdAt"
          LIMIT ${batchSize}::int
          FOR UPDATE SKIP LOCKED
        )
        RETURNING id, body, subject, attempts, "webhookEndpointId", "nextAttemptAt", "createdAt"
      )
      SELECT c.id, c.body, c.subject, c.attempts, e.url, e."secretSealed", e.active
      FROM claimed c LEFT JOIN "WebhookEndpoint" e ON e.id = c."webhookEndpointId"
      -- RETURNING has no order; receivers should get a ticket's events in the order they happened.
      ORDER BY c."nextAttemptAt", c."createdAt"`;
    if (rows.length === 0) return result;
    for (const row of rows) {
      let error: unknown = null;
      let permanent = false;
      try {
        if (!row.url || !row.secretSealed || !row.active) throw Object.assign(new Error("The endpoint was disabled."), { permanent: true });
        const secret = unsealWebhookSecret(row.secretSealed);
        if (!secret) throw Object.assign(new Error("The signing secret cannot be read (AUTH_SECRET changed?)."), { permanent: true });
        // Checked again now, and the connection pinned to what was checked: a name that resolved
        // to a public address at registration may point at a private one today.
        const target = await resolveWebhookTarget(row.url, { allowPrivate: options.allowPrivate, resolve: options.resolve });
        const timestamp = Math.floor(Date.now() / 1000);
        await postWebhook(target, row.body, {
          [SIGNATURE_HEADER]: signWebhook(secret, row.body, timestamp),
          "Tanggap-Event": row.subject,
          "Tanggap-Delivery": row.id,
        });
      } catch (e) {
        error = e;
        permanent =
          isDomainError(e, "webhookTargetRefused") ||
          (e as { permanent?: boolean }).permanent === true ||
          (e instanceof WebhookHttpError && e.status === 410);
      }
      if (error === null) {
        result.delivered += await db.$executeRaw`
          UPDATE "OutboxMessage" SET status = 'SENT', "sentAt" = now(), "lockedUntil" = NULL, "lastError" = NULL
          WHERE id = ${row.id}::uuid AND status = 'SENDING' AND attempts = ${row.attempts}::int`;
        continue;
      }
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      if (permanent || row.attempts >= maxAttempts) {
        result.failed += await db.$executeRaw`
          UPDATE "OutboxMessage" SET status = 'FAILED', "lockedUntil" = NULL, "lastError" = ${lastError}
          WHERE id = ${row.id}::uuid AND status = 'SENDING' AND attempts = ${row.attempts}::int`;
        log.error(`[webhooks] gave up on delivery ${row.id} after ${row.attempts} attempt(s): ${lastError}`);
      } else {
        const delayMs = retryDelayMs(row.attempts, options.random);
        result.retried += await db.$executeRaw`
          UPDATE "OutboxMessage" SET status = 'PENDING', "lockedUntil" = NULL, "lastError" = ${lastError},
                 "nextAttemptAt" = now() + ${delayMs}::int * interval '1 millisecond'
          WHERE id = ${row.id}::uuid AND status = 'SENDING' AND attempts = ${row.attempts}::int`;
        log.warn(`[webhooks] delivery ${row.id} attempt ${row.attempts} failed, retrying in ${Math.round(delayMs / 1000)} s: ${lastError}`);
      }
    }
  }
}

/** Drains every WEBHOOK_POLL_MS until `signal` aborts; database failures are logged and waited out. */
export async function runWebhookWorker(options: WebhookWorkerOptions & { signal: AbortSignal; intervalMs?: number }): Promise<void> {
  const intervalMs = options.intervalMs ?? env().WEBHOOK_POLL_MS;
  let failures = 0;
  while (!options.signal.aborted) {
    try {
      await drainWebhooks(options);
      failures = 0;
    } catch (error) {
      failures++;
      console.error(`[webhooks] pass failed (${failures} in a row), will try again:`, error instanceof Error ? error.message : error);
    }
    const wait = failures === 0 ? intervalMs : Math.min(60_000, intervalMs * 2 ** Math.min(failures, 10));
    try {
      await sleep(wait, undefined, { signal: options.signal, ref: false });
    } catch {
      // Aborted: the loop condition ends it.
    }
  }
}
