import "server-only";
import { answerCell, type CustomFieldDefinition } from "@/domain/custom-fields";
import { encodeCsv } from "@/domain/reports/csv";
import { answersOf } from "@/features/custom-fields/queries";
import { db } from "@/server/db/prisma";
import { decodeCursor } from "./cursor";
import { listQueue, type QueueRow } from "./queries";
import type { QueueFilter } from "./schemas";

/** More than a day's work for a team; a bigger extract is the API's job (paginated). */
export const QUEUE_EXPORT_LIMIT = 5000;

/**
 * The queue as the filter shows it, every page up to the limit, as CSV: one row per ticket and a
 * column per custom field (its key, so the header is stable whatever the labels say; choices as
 * option keys, several joined by "; "). Encoded by the reports' CSV writer, formula guard included.
 */
export async function queueCsv(
  viewerId: string,
  filter: QueueFilter,
  fields: readonly CustomFieldDefinition[],
  locale: string,
  now = new Date(),
): Promise<string> {
  const rows: QueueRow[] = [];
  let cursor: string | null = null;
  do {
    const page = await listQueue(viewerId, filter, { now, cursor: cursor ? decodeCursor(cursor) : null, pageSize: 100 });
    rows.push(...page.rows);
    cursor = page.next;
  } while (cursor && rows.length < QUEUE_EXPORT_LIMIT);
  const kept = rows.slice(0, QUEUE_EXPORT_LIMIT);
  const stored = await db().ticket.findMany({ where: { id: { in: kept.map((r) => r.id) } }, select: { id: true, customFields: true } });
  const answers = new Map(stored.map((t) => [t.id, answersOf(t.customFields)]));
  const columns = [...fields].sort((a, b) => a.categoryCode.localeCompare(b.categoryCode) || a.sortOrder - b.sortOrder);
  const header = [
    "reference",
    "subject",
    "customer",
    "category",
    "stage",
    "priority",
    "waiting_on_customer",
    "due_at",
    "assignee",
    ...columns.map((f) => f.key),
  ];
  const records = kept.map((r) => [
    r.reference,
    r.subject,
    r.customerName,
    locale === "id" ? r.categoryId : r.categoryEn,
    r.stage,
    r.priority,
    r.waitingOnCustomer ? "yes" : "no",
    r.dueAt?.toISOString() ?? "",
    r.assigneeName ?? "",
    ...columns.map((f) => answerCell(answers.get(r.id)?.[f.key])),
  ]);
  return `\uFEFF${encodeCsv([header, ...records])}`;
}
