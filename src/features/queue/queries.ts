import "server-only";
import { formatReference } from "@/domain/reference";
import type { Priority, Stage } from "@/domain/stages";
import { db } from "@/server/db/prisma";
import { readOnReplica } from "@/server/db/replicas";
import { encodeCursor, type QueueCursor } from "./cursor";
import { queueStatements } from "./queue-sql";
import type { QueueFilter } from "./schemas";
import type { RegimeCode } from "@/domain/regulation/regimes";
import { regulatoryClockView, type RegulatoryClockView } from "@/features/regulation/view";
import { named } from "@/i18n/named";

export interface QueueRow {
  id: string;
  /** The version the row shows, so a bulk change is refused for a ticket changed since. */
  version: number;
  reference: string;
  subject: string;
  customerName: string;
  categoryEn: string;
  categoryId: string;
  stage: Stage;
  priority: Priority;
  waitingOnCustomer: boolean;
  dueAt: Date | null;
  atRiskAt: Date | null;
  assigneeName: string | null;
  assignedToMe: boolean;
  /** The regulatory clock beside the stage's (issue 16). */
  regulatory: RegulatoryClockView;
}

export interface QueuePage {
  rows: QueueRow[];
  /** Opaque cursors for the pages after and before this one; null where there is none. */
  next: string | null;
  prev: string | null;
}

export const QUEUE_PAGE_SIZE = 50;

interface RawQueueRow {
  id: string;
  number: number;
  version: number;
  subject: string;
  stage: Stage;
  priority: Priority;
  waitingOnCustomer: boolean;
  stageDueAt: Date | null;
  stageAtRiskAt: Date | null;
  assigneeId: string | null;
  regime: RegimeCode;
  regulatoryDueAt: Date | null;
  regulatoryWarnAt: Date | null;
  regulatoryPausedAt: Date | null;
  customerName: string;
  categoryNameEn: string;
  categoryNameId: string;
  assigneeName: string | null;
}

export interface ListQueueOptions {
  now?: Date;
  cursor?: QueueCursor | null;
  pageSize?: number;
}

async function readPage(
  viewerId: string,
  filter: QueueFilter,
  now: Date,
  cursor: QueueCursor | null,
  limit: number,
): Promise<RawQueueRow[]> {
  const rows: RawQueueRow[] = [];
  for (const { sql } of queueStatements(filter, { viewerId, now, cursor, limit })) {
    rows.push(...(await readOnReplica((db) => db.$queryRaw<RawQueueRow[]>(sql))));
    if (rows.length >= limit) break;
  }
  return rows.slice(0, limit);
}

const positionOf = (row: RawQueueRow, direction: QueueCursor["direction"]) =>
  encodeCursor({ dueAt: row.stageDueAt, number: row.number, direction });

/**
 * One page of open tickets, nearest deadline first (tickets without a deadline last), narrowed by
 * the filter. Keyset-paginated: `next` continues after the last row, `prev` ends before the first.
 */
export async function listQueue(viewerId: string, filter: QueueFilter = {}, options: ListQueueOptions = {}): Promise<QueuePage> {
  const now = options.now ?? new Date();
  const size = options.pageSize ?? QUEUE_PAGE_SIZE;
  const cursor = options.cursor ?? null;
  const page = (raw: RawQueueRow[], hasNext: boolean, hasPrev: boolean): QueuePage => {
    const first = raw[0];
    const last = raw[raw.length - 1];
    return {
      rows: raw.map((row) => toQueueRow(row, viewerId)),
      next: last && hasNext ? positionOf(last, "next") : null,
      prev: first && hasPrev ? positionOf(first, "prev") : null,
    };
  };
  if (cursor?.direction === "prev") {
    const back = await readPage(viewerId, filter, now, cursor, size + 1);
    // The cursor's own row lies after this page, so there is always a next one.
    if (back.length > size) return page(back.slice(0, size).reverse(), true, true);
    // Back at the beginning: show the real first page, full, rather than what is left of it.
  }
  const after = cursor?.direction === "next" ? cursor : null;
  const forward = await readPage(viewerId, filter, now, after, size + 1);
  return page(forward.slice(0, size), forward.length > size, after !== null);
}

function toQueueRow(t: RawQueueRow, viewerId: string): QueueRow {
  return {
    id: t.id,
    version: t.version,
    reference: formatReference(t.number),
    subject: t.subject,
    customerName: t.customerName,
    categoryEn: t.categoryNameEn,
    categoryId: t.categoryNameId,
    stage: t.stage,
    priority: t.priority,
    waitingOnCustomer: t.waitingOnCustomer,
    dueAt: t.stageDueAt,
    atRiskAt: t.stageAtRiskAt,
    assigneeName: t.assigneeName,
    assignedToMe: t.assigneeId === viewerId,
    regulatory: regulatoryClockView(t),
  };
}

export interface QueueCategory {
  code: string;
  name: string;
}

/** Every category, retired ones too: their tickets are still in the queue. */
export async function listQueueCategories(locale: string): Promise<QueueCategory[]> {
  const categories = await db().category.findMany({
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { code: true, nameEn: true, nameId: true },
  });
  return categories.map((c) => ({ code: c.code, name: named(c, locale) }));
}

/** Every team, to filter the queue by. */
export async function listQueueTeams(locale: string): Promise<{ id: string; name: string }[]> {
  const teams = await db().team.findMany({ orderBy: { nameEn: "asc" }, select: { id: true, nameEn: true, nameId: true } });
  return teams.map((t) => ({ id: t.id, name: named(t, locale) }));
}

/** Whom a ticket can be assigned to: every active staff member, as assigning one ticket allows. */
export async function listAssignees(): Promise<{ id: string; name: string }[]> {
  return db().user.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
