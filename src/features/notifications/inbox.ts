import "server-only";
import { formatReference } from "@/domain/reference";
import { db } from "@/server/db/prisma";

export interface InboxNotice {
  id: string;
  kind: string;
  title: string;
  body: string;
  reference: string | null;
  createdAt: Date;
  read: boolean;
}

/** One person's notices, newest first. Served by the (userId, readAt, createdAt) index. */
export async function listNotifications(userId: string, limit = 100): Promise<InboxNotice[]> {
  const rows = await db().notification.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, kind: true, title: true, body: true, createdAt: true, readAt: true, ticketId: true },
  });
  const ticketIds = [...new Set(rows.flatMap((r) => (r.ticketId ? [r.ticketId] : [])))];
  const numbers = new Map(
    (await db().ticket.findMany({ where: { id: { in: ticketIds } }, select: { id: true, number: true } })).map((t) => [t.id, t.number]),
  );
  return rows.map((r) => {
    const number = r.ticketId ? numbers.get(r.ticketId) : undefined;
    return {
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      reference: number === undefined ? null : formatReference(number),
      createdAt: r.createdAt,
      read: r.readAt !== null,
    };
  });
}

export function countUnread(userId: string): Promise<number> {
  return db().notification.count({ where: { userId, readAt: null } });
}

/**
 * Marks the given notices (or all of them) read. Only the owner's rows match, so an id
 * belonging to someone else changes nothing.
 */
export async function markRead(userId: string, ids: readonly string[] | "all", now = new Date()): Promise<number> {
  const { count } = await db().notification.updateMany({
    where: { userId, readAt: null, ...(ids === "all" ? {} : { id: { in: [...ids] } }) },
    data: { readAt: now },
  });
  return count;
}
