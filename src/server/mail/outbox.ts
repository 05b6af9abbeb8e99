import type { Prisma } from "@/generated/prisma/client";

export type MailKind = "receipt" | "reply" | "apology" | "survey" | "link" | "notice" | "letter";

export interface OutgoingMail {
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  html?: string;
  ticketId?: string;
  /** A regulated letter's mail: the worker attaches the letter's stored PDF, the bytes the customer downloads. */
  letterId?: string;
  /** The same key twice (a retried request) stores one mail. */
  dedupeKey?: string;
}

/**
 * Queues a mail in the caller's transaction: it is sent if and only if the change that
 * caused it commits. The worker (./worker.ts) delivers it later, once, with retries.
 */
export async function enqueueMail(tx: Prisma.TransactionClient, mail: OutgoingMail): Promise<void> {
  const data = {
    kind: mail.kind,
    recipient: mail.to,
    subject: mail.subject,
    body: mail.text,
    html: mail.html,
    ticketId: mail.ticketId,
    letterId: mail.letterId,
    dedupeKey: mail.dedupeKey,
  };
  // One INSERT either way; with a dedupe key, ON CONFLICT DO NOTHING keeps the mail already queued.
  await tx.outboxMessage.createMany({ data: [data], skipDuplicates: Boolean(mail.dedupeKey) });
}
