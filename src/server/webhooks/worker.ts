import "server-only";
import { isDomainError } from "@/domain/errors";
import { SIGNATURE_HEADER, signWebhook } from "@/domain/webhooks";
import { env } from "@/env";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "../db/create-client";
import { db as appDb } from "../db/prisma";
import { OutboxLoop, type OutboxChannel } from "../jobs/outbox-loop";
import { postWebhook, WEBHOOK_TIMEOUT_MS, WebhookHttpError } from "./post";
import { unsealWebhookSecret } from "./secret";
import { resolveWebhookTarget, type Resolver } from "./target";

// Delivers webhook rows of the outbox (channel "webhook", written by the TicketEvent trigger)
// through the loop every outbox channel shares (../jobs/outbox-loop.ts: claims, leases, fencing,
// backoff of 1 min, 2 min, 4 min … at most an hour).

export interface WebhookWorkerOptions {
  db?: Db;
  batchSize?: number;
  /** Default a minute. */
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

interface ClaimedDelivery {
  id: string;
  attempts: number;
  body: string;
  subject: string;
  url: string | null;
  secretSealed: string | null;
  active: boolean | null;
}

/** The endpoint is gone or disabled, or its secret unreadable: retrying cannot help. */
class UndeliverableError extends Error {}

function webhookChannel(options: WebhookWorkerOptions): OutboxChannel<ClaimedDelivery> {
  return {
    channel: "webhook",
    log: { prefix: "[webhooks]", noun: "delivery" },
    columns: Prisma.sql`c.body, c.subject, e.url, e."secretSealed", e.active`,
    join: Prisma.sql`LEFT JOIN "WebhookEndpoint" e ON e.id = c."webhookEndpointId"`,
    leaseMs: 60_000,
    maxDeliveryMs: WEBHOOK_TIMEOUT_MS,
    async deliver(row) {
      if (!row.url || !row.secretSealed || !row.active) throw new UndeliverableError("The endpoint was disabled.");
      const secret = unsealWebhookSecret(row.secretSealed);
      if (!secret) throw new UndeliverableError("The signing secret cannot be read (AUTH_SECRET changed?).");
      // Checked again now, and the connection pinned to what was checked: a name that resolved
      // to a public address at registration may point at a private one today.
      const target = await resolveWebhookTarget(row.url, { allowPrivate: options.allowPrivate, resolve: options.resolve });
      const timestamp = Math.floor(Date.now() / 1000);
      await postWebhook(target, row.body, {
        [SIGNATURE_HEADER]: signWebhook(secret, row.body, timestamp),
        "Tanggap-Event": row.subject,
        "Tanggap-Delivery": row.id,
      });
    },
    isPermanent: (e) =>
      e instanceof UndeliverableError || isDomainError(e, "webhookTargetRefused") || (e instanceof WebhookHttpError && e.status === 410),
  };
}

function webhookLoop(options: WebhookWorkerOptions): OutboxLoop<ClaimedDelivery> {
  return new OutboxLoop(webhookChannel(options), { ...options, db: options.db ?? appDb() });
}

export async function drainWebhooks(options: WebhookWorkerOptions = {}): Promise<WebhookDrainResult> {
  return webhookLoop(options).drain();
}

/** Drains every WEBHOOK_POLL_MS until `signal` aborts; database failures are logged and waited out. */
export async function runWebhookWorker(options: WebhookWorkerOptions & { signal: AbortSignal; intervalMs?: number }): Promise<void> {
  await webhookLoop(options).run({ signal: options.signal, intervalMs: options.intervalMs ?? env().WEBHOOK_POLL_MS });
}
