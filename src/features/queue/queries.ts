import "server-only";
import { formatReference } from "@/domain/reference";
import type { Priority, Stage } from "@/domain/stages";
import { db } from "@/server/db/prisma";

export interface QueueRow {
  id: string;
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
}

const PAGE_SIZE = 50;

export interface QueueFilter {
  /** Only tickets at risk or overdue at this moment. */
  needsAttentionAt?: Date;
}

/** Open tickets, nearest deadline first (served by the index on stageDueAt). */
export async function listQueue(viewerId: string, filter: QueueFilter = {}): Promise<QueueRow[]> {
  const tickets = await db().ticket.findMany({
    where: {
      stage: { not: "CLOSED" },
      ...(filter.needsAttentionAt && { waitingOnCustomer: false, stageAtRiskAt: { lte: filter.needsAttentionAt } }),
    },
    orderBy: [{ stageDueAt: { sort: "asc", nulls: "last" } }, { number: "asc" }],
    take: PAGE_SIZE,
    select: {
      id: true,
      number: true,
      subject: true,
      stage: true,
      priority: true,
      waitingOnCustomer: true,
      stageDueAt: true,
      stageAtRiskAt: true,
      assigneeId: true,
      customer: { select: { name: true } },
      category: { select: { nameEn: true, nameId: true } },
      assignee: { select: { name: true } },
    },
  });
  return tickets.map((t) => ({
    id: t.id,
    reference: formatReference(t.number),
    subject: t.subject,
    customerName: t.customer.name,
    categoryEn: t.category.nameEn,
    categoryId: t.category.nameId,
    stage: t.stage,
    priority: t.priority,
    waitingOnCustomer: t.waitingOnCustomer,
    dueAt: t.stageDueAt,
    atRiskAt: t.stageAtRiskAt,
    assigneeName: t.assignee?.name ?? null,
    assignedToMe: t.assigneeId === viewerId,
  }));
}
