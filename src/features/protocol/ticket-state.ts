import "server-only";
import type { ApprovalState, ProtocolState } from "@/domain/protocol";
import { needsAmount, type AuthorityLimits } from "@/domain/resolution";
import type { Prisma } from "@/generated/prisma/client";

type Tx = Prisma.TransactionClient;

const TICKET = {
  id: true,
  number: true,
  version: true,
  stage: true,
  priority: true,
  locale: true,
  waitingOnCustomer: true,
  assigneeId: true,
  desiredOutcome: true,
  factsWhat: true,
  restatement: true,
  severity: true,
  safetyRisk: true,
  rootCause: true,
  finding: true,
  clarificationSentAt: true,
  disputed: true,
  escalatedAt: true,
  resolutionOptionId: true,
  resolutionAmount: true,
  apologySentAt: true,
  ratedAt: true,
  trackingTokenSealed: true,
  customer: { select: { email: true, name: true } },
  category: { select: { id: true, code: true } },
  resolutionOption: { select: { kind: true } },
  approvals: { orderBy: { createdAt: "desc" }, take: 1, select: { optionId: true, amount: true, status: true } },
  timers: {
    where: { fulfilledAt: null },
    orderBy: { startedAt: "desc" },
    take: 1,
    select: {
      id: true,
      stage: true,
      startedAt: true,
      dueAt: true,
      atRiskAt: true,
      businessMinutes: true,
      pausedAt: true,
      pausedMinutes: true,
    },
  },
  _count: { select: { messages: { where: { visibility: "PUBLIC", authorType: "STAFF" } } } },
} satisfies Prisma.TicketSelect;

export type LoadedTicket = Prisma.TicketGetPayload<{ select: typeof TICKET }>;

export function loadTicket(tx: Tx, ticketId: string): Promise<LoadedTicket | null> {
  return tx.ticket.findUnique({ where: { id: ticketId }, select: TICKET });
}

/** The approval that applies to the resolution as it now stands, if one was needed. */
function approvalState(ticket: LoadedTicket): ApprovalState {
  const latest = ticket.approvals[0];
  if (!latest || !ticket.resolutionOptionId || latest.optionId !== ticket.resolutionOptionId) return "NOT_NEEDED";
  if (!ticket.resolutionAmount || !latest.amount.equals(ticket.resolutionAmount)) return "NOT_NEEDED";
  return latest.status;
}

export function protocolState(ticket: LoadedTicket): ProtocolState {
  return {
    stage: ticket.stage,
    waitingOnCustomer: ticket.waitingOnCustomer,
    acknowledged: ticket._count.messages > 0,
    factsWhat: ticket.factsWhat,
    desiredOutcome: ticket.desiredOutcome,
    restatement: ticket.restatement,
    severity: ticket.severity,
    safetyRisk: ticket.safetyRisk,
    rootCause: ticket.rootCause,
    finding: ticket.finding,
    clarificationSent: ticket.clarificationSentAt !== null,
    disputed: ticket.disputed,
    escalated: ticket.escalatedAt !== null,
    resolutionChosen: ticket.resolutionOptionId !== null,
    resolutionAmountMissing:
      ticket.resolutionOption !== null && needsAmount(ticket.resolutionOption.kind) && ticket.resolutionAmount === null,
    approval: approvalState(ticket),
    apologySent: ticket.apologySentAt !== null,
  };
}

export async function loadAuthorityLimits(tx: Tx): Promise<AuthorityLimits> {
  const rows = await tx.authorityLimit.findMany({ select: { role: true, maxAmount: true } });
  const limit = (role: string) => Number(rows.find((r) => r.role === role)?.maxAmount ?? 0);
  return { AGENT: limit("AGENT"), SUPERVISOR: limit("SUPERVISOR"), ADMIN: limit("ADMIN") };
}
