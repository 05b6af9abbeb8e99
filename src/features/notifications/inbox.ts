import "server-only";
import { formatReference } from "@/domain/reference";
import type { Locale } from "@/i18n/locales";
import { db } from "@/server/db/prisma";
import { readNotice } from "./notice-message";

export interface InboxNotice {
  id: string;
  kind: string;
  title: string;
  body: string;
  reference: string | null;
  createdAt: Date;
  read: boolean;
}

/**
 * One person's notices, newest first, worded in `locale` (the language they read in now, not the one
 * they had when the notice was written). Served by the (userId, readAt, createdAt) index.
 */
export async function listNotifications(userId: string, locale: Locale, limit = 100): Promise<InboxNotice[]> {
  const rows = await db().notification.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      kind: true,
      messageKey: true,
      messageParams: true,
      title: true,
      body: true,
      createdAt: true,
      readAt: true,
      ticketId: true,
    },
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
      ...readNotice(r, locale),
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
