import "server-only";
import { env } from "@/env";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "../db/create-client";
import { db as appDb } from "../db/prisma";
import { OutboxLoop, type OutboxChannel, type OutboxPass } from "../jobs/outbox-loop";
import { formatReference } from "@/domain/reference";
import { letterPdfName } from "@/domain/regulation/letter-file";
import { ticketReplyAddress, ticketThreadRoot } from "./threading";
import { createMailTransport, isPermanentFailure, MAX_SEND_MS, type MailMessage, type MailTransport } from "./transport";

// Delivers the mail in the outbox (see ./outbox.ts) through the loop every outbox channel shares
// (../jobs/outbox-loop.ts: claims, leases, fencing, backoff). Each send is bounded well inside the
// lease (MAX_SEND_MS), and the stable Message-ID lets mail systems spot a repeat.

export { LAST_ERROR_MAX } from "../jobs/outbox-loop";

export interface MailWorkerOptions {
  /** Defaults to the app's client. */
  db?: Db;
  /** Defaults to createMailTransport(): SMTP_URL, else .eml files. */
  transport?: MailTransport;
  /** Rows claimed per query. */
  batchSize?: number;
  /** How long a claim holds before another worker may take the row over (default five minutes). */
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

interface ClaimedMail {
  id: string;
  attempts: number;
  recipient: string;
  subject: string;
  body: string;
  html: string | null;
  createdAt: Date;
  kind: string;
  ticketId: string | null;
  ticketNumber: number | null;
  mailThreadId: string | null;
  letterPdf: Uint8Array | null;
  letterKind: string | null;
  letterSentAt: Date | null;
}

// Mail a customer may answer; staff notices keep MAIL_FROM, so a colleague's reply never lands on a
// ticket as if the customer had written it.
const CUSTOMER_KINDS = new Set(["receipt", "reply", "apology", "survey", "link", "letter"]);

/**
 * Every mail about a ticket refers to the ticket's thread root (and to the customer's own first mail
 * when the ticket came by mail), and mail to the customer names the ticket's reply address.
 */
async function threadingOf(row: ClaimedMail): Promise<Pick<MailMessage, "thread" | "replyTo">> {
  if (!row.ticketId) return {};
  const root = ticketThreadRoot(row.ticketId);
  const references = row.mailThreadId ? [row.mailThreadId, root] : [root];
  const replyTo =
    CUSTOMER_KINDS.has(row.kind) && row.ticketNumber !== null ? await ticketReplyAddress(formatReference(row.ticketNumber)) : null;
  return { thread: { inReplyTo: row.mailThreadId ?? root, references }, ...(replyTo ? { replyTo } : {}) };
}

/** A regulated letter's mail carries the letter's PDF exactly as stored (the bytes the customer downloads). */
function letterAttachment(row: ClaimedMail): Pick<MailMessage, "attachments"> {
  if (!row.letterPdf || !row.letterKind || !row.letterSentAt || row.ticketNumber === null) return {};
  const fileName = letterPdfName(row.ticketNumber, row.letterKind, new Date(row.letterSentAt));
  return { attachments: [{ fileName, contentType: "application/pdf", content: row.letterPdf }] };
}

function mailChannel(transport: MailTransport): OutboxChannel<ClaimedMail> {
  return {
    channel: "email",
    log: { prefix: "[mail]", noun: "outbox" },
    columns: Prisma.sql`c.recipient, c.subject, c.body, c.html, c."createdAt", c.kind, c."ticketId",
      t.number AS "ticketNumber", t."mailThreadId", l.pdf AS "letterPdf", l.kind::text AS "letterKind", l."sentAt" AS "letterSentAt"`,
    join: Prisma.sql`LEFT JOIN "Ticket" t ON t.id = c."ticketId" LEFT JOIN "Letter" l ON l.id = c."letterId"`,
    leaseMs: 5 * 60_000,
    maxDeliveryMs: MAX_SEND_MS,
    deliver: async (row) =>
      transport.send({
        id: row.id,
        to: row.recipient,
        subject: row.subject,
        text: row.body,
        html: row.html,
        createdAt: new Date(row.createdAt),
        ...(await threadingOf(row)),
        ...letterAttachment(row),
      }),
    isPermanent: isPermanentFailure,
  };
}

function mailLoop(transport: MailTransport, options: MailWorkerOptions): OutboxLoop<ClaimedMail> {
  return new OutboxLoop(mailChannel(transport), { ...options, db: options.db ?? appDb() });
}

const asDrainResult = ({ delivered, retried, failed }: OutboxPass): DrainResult => ({ sent: delivered, retried, failed });

/**
 * Sends everything that is due, then returns what happened: the one-shot form of the worker,
 * for tests and scripts. Several may run at once, in one process or many.
 */
export async function drainOutbox(options: MailWorkerOptions = {}): Promise<DrainResult> {
  const transport = options.transport ?? createMailTransport();
  try {
    return asDrainResult(await mailLoop(transport, options).drain());
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

/** Drains the outbox every `intervalMs` until `signal` aborts (see OutboxLoop.run). */
export async function runMailWorker(options: RunMailWorkerOptions): Promise<void> {
  const transport = options.transport ?? createMailTransport();
  try {
    await mailLoop(transport, options).run({ signal: options.signal, intervalMs: options.intervalMs ?? env().MAIL_POLL_MS });
  } finally {
    if (!options.transport) transport.close();
  }
}
