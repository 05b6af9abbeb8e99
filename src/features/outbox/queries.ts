import "server-only";
import { db } from "@/server/db/prisma";

// The demo's window on outgoing mail: what was queued, and whether it went.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const OUTBOX_PAGE_SIZE = 100;

export async function listRecentOutbox(limit = OUTBOX_PAGE_SIZE) {
  return db().outboxMessage.findMany({
    // Mail only: webhook deliveries are shown to admins at /admin/webhooks.
    where: { channel: "email" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      kind: true,
      recipient: true,
      subject: true,
      status: true,
      attempts: true,
      createdAt: true,
      sentAt: true,
      nextAttemptAt: true,
      lastError: true,
    },
  });
}

export type OutboxRow = Awaited<ReturnType<typeof listRecentOutbox>>[number];

/** One mail with its text, or null for an id that is malformed or unknown. */
export async function getOutboxMessage(id: string) {
  if (!UUID.test(id)) return null;
  return db().outboxMessage.findFirst({
    where: { id, channel: "email" },
    select: { id: true, kind: true, recipient: true, subject: true, body: true, status: true, createdAt: true, sentAt: true, html: true },
  });
}

export type OutboxMessageView = NonNullable<Awaited<ReturnType<typeof getOutboxMessage>>>;
