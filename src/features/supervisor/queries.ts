import "server-only";
import { formatReference } from "@/domain/reference";
import { callsForUrgency } from "@/domain/safety";
import type { Priority, Stage } from "@/domain/stages";
import type { LetterKind } from "@/domain/regulation/letter-check";
import { APPROVAL_TICKET, GRANTED_TICKET, toApprovalView, type ApprovalContext } from "@/features/tickets/views";
import type { Locale } from "@/i18n/locales";
import { named } from "@/i18n/named";
import { Prisma } from "@/generated/prisma/client";
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

export type Grouping = "stage" | "agent" | "team";

/**
 * How many of a group's tickets the board shows. Five: the most urgent few of each group are what a
 * supervisor acts on from here (and reassigns in bulk); with five stages the whole stage view fits on
 * one screen; the rest of a group is one link away, in the queue, which pages through all of them.
 */
export const GROUP_SHOWN = 5;

export interface AttentionGroup {
  /** The stage, the assignee's id or the team's id; null for no assignee or no team. */
  key: string | null;
  /** How many tickets the group has on the board, all of them, not only those shown. */
  total: number;
  /** Its first few, the most urgent first. */
  rows: AttentionRow[];
}

const GROUP_KEY: Record<Grouping, Prisma.Sql> = {
  stage: Prisma.sql`t."stage"::text`,
  agent: Prisma.sql`t."assigneeId"::text`,
  team: Prisma.sql`t."teamId"::text`,
};

/**
 * The board's tickets are the open ones past their at-risk point (so also every overdue one; paused
 * ones are not late) and, whatever their clock says, the open ones with a declared safety risk or a
 * critical severity. This reads them all (the open work's late part, not the history), counts each
 * group and ranks its tickets, safety first, then nearest deadline, and returns the first `shown` of
 * each group with the group's true total. One statement, so the totals and the rows shown are the same
 * snapshot.
 *
 * Two disjoint parts. The late ones are one range of the covering partial index of running open work
 * by at-risk point (Ticket_open_late_idx), which carries every column read here: an index-only scan,
 * never a ticket's row, so the true totals cost index entries (~5k at 1M tickets), not heap pages.
 * The unsafe ones not yet late have their own index (Ticket_open_safety_idx); they are few. An OR of
 * the two would give both up. Raw SQL with literal enum values: each part's WHERE states its index's
 * predicate, which Prisma's cast parameters would hide from the planner.
 */
export function attentionStatement(now: Date, grouping: Grouping, shown: number): Prisma.Sql {
  const key = GROUP_KEY[grouping];
  // Either column may be null; a null here would sort ahead of true.
  const unsafe = Prisma.sql`coalesce(t."safetyRisk" OR t."severity" = 'CRITICAL', false)`;
  return Prisma.sql`
    SELECT r."id", r."key", r."total" FROM (
      SELECT a."id", a."key", a."unsafe", a."stageDueAt", a."number",
             count(*) OVER (PARTITION BY a."key") AS "total",
             row_number() OVER (PARTITION BY a."key" ORDER BY a."unsafe" DESC, a."stageDueAt", a."number") AS "rank"
      FROM (
        SELECT t."id", ${key} AS "key", ${unsafe} AS "unsafe", t."stageDueAt", t."number" FROM "Ticket" t
        WHERE t."stage" <> 'CLOSED' AND t."waitingOnCustomer" = false AND t."stageAtRiskAt" <= ${now}
        UNION ALL
        SELECT t."id", ${key}, true, t."stageDueAt", t."number" FROM "Ticket" t
        WHERE t."stage" <> 'CLOSED' AND (t."safetyRisk" OR t."severity" = 'CRITICAL')
          AND (t."waitingOnCustomer" OR t."stageAtRiskAt" IS NULL OR t."stageAtRiskAt" > ${now})
      ) a
    ) r
    WHERE r."rank" <= ${shown}
    ORDER BY r."rank", r."unsafe" DESC, r."stageDueAt", r."number"`;
}

/**
 * The board's tickets in groups, each with its true total and its first `shown` tickets; groups in the
 * order of their most urgent ticket (safety first, then nearest deadline).
 */
export async function listAttentionGroups(now: Date, locale: Locale, grouping: Grouping, shown = GROUP_SHOWN): Promise<AttentionGroup[]> {
  return readOnReplica(async (db) => {
    const ranked = await db.$queryRaw<{ id: string; key: string | null; total: bigint }[]>(attentionStatement(now, grouping, shown));
    const tickets = new Map(
      (await db.ticket.findMany({ where: { id: { in: ranked.map((r) => r.id) } }, select: ATTENTION_SELECT })).map((t) => [t.id, t]),
    );
    const groups = new Map<string | null, AttentionGroup>();
    for (const r of ranked) {
      const ticket = tickets.get(r.id);
      if (!ticket) continue; // closed or deleted between the two reads
      const group = groups.get(r.key) ?? { key: r.key, total: Number(r.total), rows: [] };
      groups.set(r.key, group);
      group.rows.push(toAttentionRow(ticket, now, locale));
    }
    // Every group's first ticket comes first, in urgency order: the groups are in that order too.
    return [...groups.values()];
  });
}

type AttentionTicket = Prisma.TicketGetPayload<{ select: typeof ATTENTION_SELECT }>;

function toAttentionRow(t: AttentionTicket, now: Date, locale: Locale): AttentionRow {
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
