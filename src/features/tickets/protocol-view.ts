import "server-only";
import type { ApprovalState, ProtocolState } from "@/domain/protocol";
import { needsAmount } from "@/domain/resolution";
import type { Prisma } from "@/generated/prisma/client";

// The protocol's view of a ticket: what it needs to judge a move, loaded by every write. The
// audiences' views (./views.ts) build on these fields.

type Tx = Prisma.TransactionClient;

export const PROTOCOL_FIELDS = {
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
  factsWhen: true,
  factsWhere: true,
  factsPayment: true,
  restatement: true,
  severity: true,
  safetyRisk: true,
  rootCause: true,
  finding: true,
  clarificationSentAt: true,
  disputed: true,
  escalatedAt: true,
  escalationSource: true,
  settledAt: true,
  resolutionOptionId: true,
  resolutionAmount: true,
  apologySentAt: true,
  ratedAt: true,
  mergedIntoId: true,
  trackingTokenSealed: true,
  customerId: true,
  // The regulatory clock (src/features/regulation/clock.ts).
  createdAt: true,
  regime: true,
  paymentServices: true,
  channel: true,
  regulatoryDueAt: true,
  regulatoryPausedAt: true,
  regulatoryWarnAt: true,
  regulatoryBreachedAt: true,
  regulatoryExtensions: true,
  customer: { select: { email: true, name: true } },
  category: { select: { id: true, code: true } },
  resolutionOption: { select: { kind: true } },
  approvals: {
    where: { subject: "RESOLUTION" },
    orderBy: { createdAt: "desc" },
    take: 1,
    select: { optionId: true, amount: true, status: true },
  },
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

export type LoadedTicket = Prisma.TicketGetPayload<{ select: typeof PROTOCOL_FIELDS }>;

export function loadTicket(tx: Tx, ticketId: string): Promise<LoadedTicket | null> {
  return tx.ticket.findUnique({ where: { id: ticketId }, select: PROTOCOL_FIELDS });
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
    settled: ticket.settledAt !== null,
    resolutionChosen: ticket.resolutionOptionId !== null,
    resolutionAmountMissing:
      ticket.resolutionOption !== null && needsAmount(ticket.resolutionOption.kind) && ticket.resolutionAmount === null,
    approval: approvalState(ticket),
    apologySent: ticket.apologySentAt !== null,
  };
}
