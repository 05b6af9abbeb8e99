import "server-only";
import { unmetGates } from "@/domain/protocol";
import { formatReference, parseReference } from "@/domain/reference";
import { loadTicket, protocolState } from "@/features/protocol/ticket-state";
import { db } from "@/server/db/prisma";

/**
 * One ticket as an agent works it: the customer's account, their other tickets, one
 * timeline of messages and events, what the current gate still needs, and the choices
 * the controls offer. Plain values only, ready for client components.
 */
export async function getTicketWorkspace(reference: string) {
  const number = parseReference(reference);
  if (number === null) return null;
  const prisma = db();
  const ticket = await prisma.ticket.findUnique({
    where: { number },
    select: {
      id: true,
      number: true,
      version: true,
      subject: true,
      narrative: true,
      desiredOutcome: true,
      orderNumber: true,
      purchaseDate: true,
      amount: true,
      currency: true,
      locale: true,
      stage: true,
      priority: true,
      waitingOnCustomer: true,
      stageDueAt: true,
      stageAtRiskAt: true,
      createdAt: true,
      assigneeId: true,
      factsWhat: true,
      factsWhen: true,
      factsWhere: true,
      factsPayment: true,
      restatement: true,
      severity: true,
      safetyRisk: true,
      rootCause: true,
      finding: true,
      disputed: true,
      clarificationSentAt: true,
      escalatedAt: true,
      escalationReason: true,
      resolutionOptionId: true,
      resolutionAmount: true,
      resolutionNote: true,
      preventiveAction: true,
      rating: true,
      wouldTrustAgain: true,
      ratingComment: true,
      category: { select: { id: true, code: true, nameEn: true, nameId: true } },
      assignee: { select: { name: true } },
      resolutionOption: { select: { kind: true, labelEn: true, labelId: true } },
      contactName: true,
      contactPhone: true,
      customer: {
        select: {
          id: true,
          name: true,
          email: true,
          phone: true,
          tickets: {
            where: { number: { not: number } },
            orderBy: { createdAt: "desc" },
            take: 10,
            select: { number: true, subject: true, stage: true },
          },
        },
      },
      messages: {
        orderBy: { createdAt: "asc" },
        select: { id: true, authorType: true, visibility: true, body: true, createdAt: true, author: { select: { name: true } } },
      },
      events: { orderBy: { id: "asc" }, select: { id: true, type: true, createdAt: true, after: true, actorId: true } },
      approvals: {
        orderBy: { createdAt: "desc" },
        take: 5,
        select: {
          id: true,
          status: true,
          amount: true,
          reason: true,
          createdAt: true,
          requestedBy: { select: { name: true } },
          decidedBy: { select: { name: true } },
          option: { select: { labelEn: true, labelId: true } },
        },
      },
    },
  });
  if (!ticket) return null;

  const [loaded, options, categories, staff] = await Promise.all([
    loadTicket(prisma, ticket.id),
    prisma.resolutionOption.findMany({
      where: { categoryId: ticket.category.id, active: true },
      orderBy: { sortOrder: "asc" },
      select: { id: true, kind: true, labelEn: true, labelId: true, defaultAmount: true },
    }),
    prisma.category.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select: { id: true, nameEn: true, nameId: true } }),
    prisma.user.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, role: true } }),
  ]);
  const state = protocolState(loaded!);
  const actorNames = new Map(staff.map((s) => [s.id, s.name]));

  return {
    ...ticket,
    reference: formatReference(ticket.number),
    amount: ticket.amount?.toString() ?? null,
    resolutionAmount: ticket.resolutionAmount?.toString() ?? null,
    approvals: ticket.approvals.map((a) => ({ ...a, amount: a.amount.toString() })),
    approval: state.approval,
    acknowledged: state.acknowledged,
    unmetGates: unmetGates(state),
    events: ticket.events.map((e) => ({ ...e, id: e.id.toString(), actorName: e.actorId ? (actorNames.get(e.actorId) ?? null) : null })),
    otherTickets: ticket.customer.tickets.map((t) => ({ reference: formatReference(t.number), subject: t.subject, stage: t.stage })),
    options: options.map((o) => ({ ...o, defaultAmount: o.defaultAmount?.toString() ?? null })),
    categories,
    staff,
  };
}

export type TicketWorkspace = NonNullable<Awaited<ReturnType<typeof getTicketWorkspace>>>;
