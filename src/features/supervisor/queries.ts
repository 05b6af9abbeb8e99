import "server-only";
import { formatReference } from "@/domain/reference";
import type { Priority, Stage } from "@/domain/stages";
import { db } from "@/server/db/prisma";

export interface AttentionRow {
  id: string;
  version: number;
  reference: string;
  subject: string;
  customerName: string;
  stage: Stage;
  priority: Priority;
  dueAt: Date;
  overdue: boolean;
  escalated: boolean;
  assigneeId: string | null;
  assigneeName: string | null;
  teamName: string | null;
}

/** Open tickets past their at-risk point (so also every overdue one), most overdue first. Paused ones are not late. */
export async function listNeedingAttention(now: Date, limit = 300): Promise<AttentionRow[]> {
  const tickets = await db().ticket.findMany({
    where: { stage: { not: "CLOSED" }, waitingOnCustomer: false, stageAtRiskAt: { lte: now } },
    orderBy: [{ stageDueAt: "asc" }, { number: "asc" }],
    take: limit,
    select: {
      id: true,
      version: true,
      number: true,
      subject: true,
      stage: true,
      priority: true,
      stageDueAt: true,
      escalatedAt: true,
      assigneeId: true,
      customer: { select: { name: true } },
      assignee: { select: { name: true } },
      team: { select: { name: true } },
    },
  });
  return tickets.map((t) => ({
    id: t.id,
    version: t.version,
    reference: formatReference(t.number),
    subject: t.subject,
    customerName: t.customer.name,
    stage: t.stage,
    priority: t.priority,
    dueAt: t.stageDueAt!,
    overdue: t.stageDueAt! <= now,
    escalated: t.escalatedAt !== null,
    assigneeId: t.assigneeId,
    assigneeName: t.assignee?.name ?? null,
    teamName: t.team?.name ?? null,
  }));
}

export interface PendingApproval {
  id: string;
  ticketId: string;
  ticketVersion: number;
  reference: string;
  optionEn: string;
  optionId: string;
  amount: string;
  currency: string;
  requestedBy: string;
  createdAt: Date;
}

/** Resolutions above an agent's authority, oldest first. */
export async function listPendingApprovals(): Promise<PendingApproval[]> {
  const approvals = await db().approvalRequest.findMany({
    where: { status: "PENDING" },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: {
      id: true,
      amount: true,
      createdAt: true,
      requestedBy: { select: { name: true } },
      option: { select: { labelEn: true, labelId: true } },
      ticket: { select: { id: true, version: true, number: true, currency: true } },
    },
  });
  return approvals.map((a) => ({
    id: a.id,
    ticketId: a.ticket.id,
    ticketVersion: a.ticket.version,
    reference: formatReference(a.ticket.number),
    optionEn: a.option.labelEn,
    optionId: a.option.labelId,
    amount: a.amount.toString(),
    currency: a.ticket.currency,
    requestedBy: a.requestedBy.name,
    createdAt: a.createdAt,
  }));
}

export interface AgentLoad {
  id: string;
  name: string;
  role: string;
  open: number;
  atRisk: number;
  overdue: number;
}

/**
 * Each active staff member's open tickets, and how many of them are at risk or overdue. Open is
 * named as the open stages rather than "not CLOSED": that is a range of the (stage, stageDueAt) index,
 * while "<> 'CLOSED'" cannot use an index and read every ticket ever filed (3.8 s at 1M tickets).
 */
export async function agentLoad(now: Date): Promise<AgentLoad[]> {
  const rows = await db().$queryRaw<{ id: string; name: string; role: string; open: bigint; at_risk: bigint; overdue: bigint }[]>`
    SELECT u."id", u."name", u."role"::text AS "role",
           count(t."id") AS "open",
           count(t."id") FILTER (WHERE NOT t."waitingOnCustomer" AND t."stageAtRiskAt" <= ${now} AND t."stageDueAt" > ${now}) AS "at_risk",
           count(t."id") FILTER (WHERE NOT t."waitingOnCustomer" AND t."stageDueAt" <= ${now}) AS "overdue"
    FROM "User" u
    LEFT JOIN "Ticket" t ON t."assigneeId" = u."id" AND t."stage" IN ('NEW', 'LISTEN', 'UNDERSTAND', 'RESOLVE', 'APOLOGISE')
    WHERE u."active"
    GROUP BY u."id", u."name", u."role"
    ORDER BY count(t."id") FILTER (WHERE NOT t."waitingOnCustomer" AND t."stageDueAt" <= ${now}) DESC, count(t."id") DESC, u."name"`;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    open: Number(r.open),
    atRisk: Number(r.at_risk),
    overdue: Number(r.overdue),
  }));
}
