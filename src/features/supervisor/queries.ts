import "server-only";
import { formatReference } from "@/domain/reference";
import { callsForUrgency } from "@/domain/safety";
import type { Priority, Stage } from "@/domain/stages";
import type { LetterKind } from "@/domain/regulation/letter-check";
import { APPROVAL_TICKET, GRANTED_TICKET, toApprovalView, type ApprovalContext } from "@/features/tickets/views";
import type { Locale } from "@/i18n/locales";
import { named } from "@/i18n/named";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/prisma";
import { readOnReplica } from "@/server/db/replicas";

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
  /** Not yet at risk: only a safety risk brings it here. */
  onTime: boolean;
  escalated: boolean;
  /** A declared safety risk or a critical severity. */
  safety: boolean;
  assigneeId: string | null;
  assigneeName: string | null;
  teamName: string | null;
}

const ATTENTION_SELECT = {
  id: true,
  version: true,
  number: true,
  subject: true,
  stage: true,
  priority: true,
  stageDueAt: true,
  stageAtRiskAt: true,
  waitingOnCustomer: true,
  escalatedAt: true,
  safetyRisk: true,
  severity: true,
  assigneeId: true,
  customer: { select: { name: true } },
  assignee: { select: { name: true } },
  team: { select: { nameEn: true, nameId: true } },
} as const;

/**
 * Open tickets past their at-risk point (so also every overdue one), most overdue first; paused
 * ones are not late. Ahead of them, every open ticket with a safety risk, whatever its clock says.
 * They are two queries because the late ones are a range of the (stage, stageDueAt) index, which
 * an OR with the safety columns would give up. The unsafe ones are few: they have their own partial
 * index (Ticket_open_safety_idx), whose predicate is this query's WHERE, so finding them reads no
 * other open ticket.
 */
/**
 * The open tickets with a declared safety risk or a critical severity, nearest deadline first. Raw
 * SQL because the partial index's predicate must be provable from the WHERE, and Prisma writes its
 * enum values as casts of parameters, which the planner cannot compare with the index's constants.
 */
export function unsafeStatement(limit: number): Prisma.Sql {
  return Prisma.sql`SELECT t."id" FROM "Ticket" t WHERE t."stage" <> 'CLOSED' AND (t."safetyRisk" OR t."severity" = 'CRITICAL')
    ORDER BY t."stageDueAt", t."number" LIMIT ${limit}`;
}

async function unsafeIds(db: Db, limit: number): Promise<string[]> {
  return (await db.$queryRaw<{ id: string }[]>(unsafeStatement(limit))).map((r) => r.id);
}

export async function listNeedingAttention(now: Date, locale: Locale, limit = 300): Promise<AttentionRow[]> {
  return readOnReplica(async (db) => {
    const orderBy = [{ stageDueAt: "asc" as const }, { number: "asc" as const }];
    const [unsafe, late] = await Promise.all([
      unsafeIds(db, limit).then((ids) =>
        db.ticket.findMany({ where: { id: { in: ids } }, orderBy, take: limit, select: ATTENTION_SELECT }),
      ),
      db.ticket.findMany({
        where: { stage: { not: "CLOSED" }, waitingOnCustomer: false, stageAtRiskAt: { lte: now } },
        orderBy,
        take: limit,
        select: ATTENTION_SELECT,
      }),
    ]);
    const seen = new Set(unsafe.map((t) => t.id));
    return [...unsafe, ...late.filter((t) => !seen.has(t.id))].slice(0, limit).map((t) => {
      const paused = t.waitingOnCustomer;
      return {
        id: t.id,
        version: t.version,
        reference: formatReference(t.number),
        subject: t.subject,
        customerName: t.customer.name,
        stage: t.stage,
        priority: t.priority,
        dueAt: t.stageDueAt!,
        overdue: !paused && t.stageDueAt! <= now,
        onTime: paused || t.stageAtRiskAt! > now,
        escalated: t.escalatedAt !== null,
        safety: callsForUrgency(t),
        assigneeId: t.assigneeId,
        assigneeName: t.assignee?.name ?? null,
        teamName: t.team ? named(t.team, locale) : null,
      };
    });
  });
}

export interface PendingApproval {
  id: string;
  ticketId: string;
  ticketVersion: number;
  reference: string;
  /** A resolution above an agent's authority, or a regulated letter held by four-eyes. */
  subject: "RESOLUTION" | "LETTER";
  optionEn: string;
  optionId: string;
  amount: string;
  /** A held letter: its kind and its text as drafted. */
  letter: { kind: LetterKind; content: string } | null;
  currency: string;
  requestedBy: string;
  createdAt: Date;
  /** The customer's ask, the finding, the agent's reason, their earlier complaints, what similar ones were granted. */
  context: ApprovalContext;
}

/** How many closed complaints of the same category × root cause the median is taken over. */
const SIMILAR_READ = 20;

/** Resolutions above an agent's authority and letters held by four-eyes, oldest first, each with what the supervisor weighs it against. */
export async function listPendingApprovals(): Promise<PendingApproval[]> {
  return readOnReplica(async (db) => {
    const approvals = await db.approvalRequest.findMany({
      where: { status: "PENDING" },
      orderBy: { createdAt: "asc" },
      take: 100,
      select: {
        id: true,
        amount: true,
        createdAt: true,
        requestedBy: { select: { name: true } },
        subject: true,
        letterKind: true,
        letterContent: true,
        option: { select: { labelEn: true, labelId: true } },
        ticket: { select: APPROVAL_TICKET },
      },
    });
    // One read per category × root cause among the waiting requests, not one per request. Closed
    // tickets only, latest first: the closedAt index serves it, and a closed ticket's option was granted.
    const scopes = new Map(approvals.map((a) => [`${a.ticket.categoryId}|${a.ticket.rootCause}`, a.ticket] as const));
    const granted = new Map(
      await Promise.all(
        [...scopes].map(
          async ([key, t]) =>
            [
              key,
              await db.ticket.findMany({
                where: { stage: "CLOSED", categoryId: t.categoryId, rootCause: t.rootCause, resolutionOptionId: { not: null } },
                orderBy: { closedAt: "desc" },
                take: SIMILAR_READ,
                select: GRANTED_TICKET,
              }),
            ] as const,
        ),
      ),
    );
    return approvals.map((a) => ({
      id: a.id,
      ticketId: a.ticket.id,
      ticketVersion: a.ticket.version,
      reference: formatReference(a.ticket.number),
      subject: a.subject,
      optionEn: a.option?.labelEn ?? "",
      optionId: a.option?.labelId ?? "",
      amount: a.amount.toString(),
      letter: a.subject === "LETTER" && a.letterKind ? { kind: a.letterKind, content: a.letterContent ?? "" } : null,
      currency: a.ticket.currency,
      requestedBy: a.requestedBy.name,
      createdAt: a.createdAt,
      context: toApprovalView(a.ticket, granted.get(`${a.ticket.categoryId}|${a.ticket.rootCause}`) ?? []),
    }));
  });
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
 * Each active staff member's open tickets, and how many of them are at risk or overdue. The counts
 * are read from the partial index of open tickets by assignee (Ticket_open_load_idx, see the
 * open_work_indexes migration), which holds every column they need: an index-only scan in assignee
 * order, grouped as it streams, that never reads a ticket's row nor a closed ticket's entry. Open is
 * "<> 'CLOSED'", the index's own predicate, so the planner can use it.
 */
export function agentLoadStatement(now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT u."id", u."name", u."role"::text AS "role",
           coalesce(l."open", 0) AS "open", coalesce(l."at_risk", 0) AS "at_risk", coalesce(l."overdue", 0) AS "overdue"
    FROM "User" u
    LEFT JOIN (
      SELECT t."assigneeId",
             count(*) AS "open",
             count(*) FILTER (WHERE NOT t."waitingOnCustomer" AND t."stageAtRiskAt" <= ${now} AND t."stageDueAt" > ${now}) AS "at_risk",
             count(*) FILTER (WHERE NOT t."waitingOnCustomer" AND t."stageDueAt" <= ${now}) AS "overdue"
      FROM "Ticket" t
      WHERE t."stage" <> 'CLOSED' AND t."assigneeId" IS NOT NULL
      GROUP BY t."assigneeId"
    ) l ON l."assigneeId" = u."id"
    WHERE u."active"
    ORDER BY coalesce(l."overdue", 0) DESC, coalesce(l."open", 0) DESC, u."name"`;
}

export async function agentLoad(now: Date): Promise<AgentLoad[]> {
  return readOnReplica(async (db) => {
    const rows = await db.$queryRaw<{ id: string; name: string; role: string; open: bigint; at_risk: bigint; overdue: bigint }[]>(
      agentLoadStatement(now),
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role,
      open: Number(r.open),
      atRisk: Number(r.at_risk),
      overdue: Number(r.overdue),
    }));
  });
}
