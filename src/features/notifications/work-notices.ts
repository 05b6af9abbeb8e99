import "server-only";
import { formatReference } from "@/domain/reference";
import { mayApprove, type AuthorityLimits } from "@/domain/resolution";
import type { Prisma } from "@/generated/prisma/client";
import { appUrl } from "@/server/app-url";
import { enqueueMail } from "@/server/mail/outbox";
import type { EscalationSource } from "@/domain/escalation";
import { noticeColumns, type NoticeMessage } from "./notice-message";
import { escalationNotice, safetyNotice, type NoticeRecipient, type SafetyNoticeFacts } from "./staff-notices";

// In-app notices about the work itself (an approval waiting, decided; a customer's reply; a safety
// risk), written in the transaction of the change that caused them, each in its reader's own language.

type Tx = Prisma.TransactionClient;
interface TicketFacts {
  id: string;
  number: number;
}

/**
 * Tells every active supervisor and admin who may approve the amount that a request waits for them;
 * with no limits (a letter held by four-eyes), every one but the requester.
 */
export async function noticeApprovalRequested(
  tx: Tx,
  ticket: TicketFacts,
  request: { id: string; amount: number; requestedById: string },
  limits: AuthorityLimits | null,
  now: Date,
) {
  const [approvers, { currency }] = await Promise.all([
    tx.user.findMany({
      where: { role: { in: ["SUPERVISOR", "ADMIN"] }, active: true, id: { not: request.requestedById } },
      select: { id: true, role: true, locale: true },
    }),
    tx.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { currency: true } }),
  ]);
  const reference = formatReference(ticket.number);
  const message: NoticeMessage = {
    key: "approvalRequested",
    values: { reference, amount: { amount: request.amount, currency } },
    lines: [{ key: "approvalRequested.body" }],
  };
  const data = approvers
    .filter((a) => limits === null || mayApprove(a.role, request.amount, limits))
    .map((a) => {
      return {
        userId: a.id,
        kind: "approval.requested",
        ticketId: ticket.id,
        ...noticeColumns(message, a.locale),
        dedupeKey: `approval.requested:${request.id}:${a.id}`,
        createdAt: now,
      };
    });
  if (data.length > 0) await tx.notification.createMany({ data, skipDuplicates: true });
}

/** Tells whoever asked for the approval what was decided, unless they decided it themselves. */
export async function noticeApprovalDecided(
  tx: Tx,
  ticket: TicketFacts,
  request: { id: string; requestedById: string },
  decision: { approved: boolean; deciderId: string; reason: string },
  now: Date,
) {
  if (request.requestedById === decision.deciderId) return;
  const requester = await tx.user.findUnique({ where: { id: request.requestedById }, select: { id: true, locale: true, active: true } });
  if (!requester?.active) return;
  const key = decision.approved ? "approvalApproved" : "approvalDenied";
  const message: NoticeMessage = {
    key,
    values: { reference: formatReference(ticket.number), reason: decision.reason },
    lines: [{ key: `${key}.body` }],
  };
  await tx.notification.createMany({
    data: [
      {
        userId: requester.id,
        kind: decision.approved ? "approval.approved" : "approval.denied",
        ticketId: ticket.id,
        ...noticeColumns(message, requester.locale),
        dedupeKey: `approval.decided:${request.id}`,
        createdAt: now,
      },
    ],
    skipDuplicates: true,
  });
}

/** Tells the assignee that the customer wrote back. Unassigned tickets wait in the queue instead. */
export async function noticeCustomerReplied(tx: Tx, ticket: TicketFacts & { assigneeId: string | null }, messageId: string, now: Date) {
  if (!ticket.assigneeId) return;
  const assignee = await tx.user.findUnique({ where: { id: ticket.assigneeId }, select: { id: true, locale: true, active: true } });
  if (!assignee?.active) return;
  const message: NoticeMessage = {
    key: "customerReplied",
    values: { reference: formatReference(ticket.number) },
    lines: [{ key: "customerReplied.body" }],
  };
  await tx.notification.createMany({
    data: [
      {
        userId: assignee.id,
        kind: "customer.replied",
        ticketId: ticket.id,
        ...noticeColumns(message, assignee.locale),
        dedupeKey: `customer.replied:${messageId}`,
        createdAt: now,
      },
    ],
    skipDuplicates: true,
  });
}

/**
 * Tells every active supervisor at once that a safety risk or a critical complaint was recorded:
 * in the inbox and by mail, as they are told of a missed deadline.
 */
export async function noticeSafetyRaised(
  tx: Tx,
  ticket: TicketFacts & { version: number },
  facts: Pick<SafetyNoticeFacts, "cause" | "priorityRaised" | "escalated">,
  now: Date,
) {
  const supervisors: NoticeRecipient[] = await tx.user.findMany({
    where: { role: "SUPERVISOR", active: true },
    select: { id: true, email: true, locale: true },
  });
  if (supervisors.length === 0) return;
  const reference = formatReference(ticket.number);
  const notices = supervisors.map((s) =>
    safetyNotice(
      {
        ...facts,
        ticketId: ticket.id,
        reference,
        eventKey: `${ticket.id}:${ticket.version}`,
        url: appUrl(`/agent/tickets/${reference}`),
        at: now,
      },
      s,
    ),
  );
  await tx.notification.createMany({ data: notices.map((n) => n.notification), skipDuplicates: true });
  for (const notice of notices) await enqueueMail(tx, notice.mail);
}

/**
 * The supervisors an escalation belongs to: those of the ticket's team. A ticket without a team, or
 * whose team has no active supervisor, goes to every active supervisor, so nobody is left untold.
 */
async function escalationSupervisors(tx: Tx, ticketId: string): Promise<NoticeRecipient[]> {
  const select = { id: true, email: true, locale: true } as const;
  const { teamId } = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { teamId: true } });
  if (teamId) {
    const team = await tx.user.findMany({ where: { role: "SUPERVISOR", active: true, teamId }, select, orderBy: { email: "asc" } });
    if (team.length > 0) return team;
  }
  return tx.user.findMany({ where: { role: "SUPERVISOR", active: true }, select, orderBy: { email: "asc" } });
}

/** Tells the team's supervisors at once, in the inbox and by mail, that a ticket waits for their settlement. */
export async function noticeEscalated(
  tx: Tx,
  ticket: TicketFacts,
  escalation: { source: EscalationSource; reason: string | null; byId: string | null },
  now: Date,
) {
  const [supervisors, by] = await Promise.all([
    escalationSupervisors(tx, ticket.id),
    escalation.byId ? tx.user.findUnique({ where: { id: escalation.byId }, select: { name: true } }) : null,
  ]);
  if (supervisors.length === 0) return;
  const reference = formatReference(ticket.number);
  const notices = supervisors.map((s) =>
    escalationNotice(
      {
        ticketId: ticket.id,
        reference,
        source: escalation.source,
        reason: escalation.reason,
        by: by?.name ?? null,
        at: now,
        url: appUrl(`/agent/tickets/${reference}`),
      },
      s,
    ),
  );
  await tx.notification.createMany({ data: notices.map((n) => n.notification), skipDuplicates: true });
  for (const notice of notices) await enqueueMail(tx, notice.mail);
}
