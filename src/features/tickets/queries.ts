import "server-only";
import { formatReference, parseReference } from "@/domain/reference";
import { db } from "@/server/db/prisma";

/** One ticket as an agent sees it: the customer's account, their other tickets, and one timeline. */
export async function getTicketForAgent(reference: string) {
  const number = parseReference(reference);
  if (number === null) return null;
  const ticket = await db().ticket.findUnique({
    where: { number },
    select: {
      id: true,
      number: true,
      subject: true,
      narrative: true,
      desiredOutcome: true,
      orderNumber: true,
      purchaseDate: true,
      amount: true,
      currency: true,
      stage: true,
      priority: true,
      waitingOnCustomer: true,
      stageDueAt: true,
      stageAtRiskAt: true,
      createdAt: true,
      version: true,
      category: { select: { nameEn: true, nameId: true } },
      assignee: { select: { name: true } },
      customer: {
        select: {
          id: true,
          name: true,
          email: true,
          phone: true,
          tickets: { where: { number: { not: number } }, orderBy: { createdAt: "desc" }, take: 10, select: { number: true, subject: true, stage: true } },
        },
      },
      messages: { orderBy: { createdAt: "asc" }, select: { id: true, authorType: true, visibility: true, body: true, createdAt: true, author: { select: { name: true } } } },
      events: { orderBy: { id: "asc" }, select: { id: true, type: true, actorType: true, createdAt: true, after: true } },
    },
  });
  if (!ticket) return null;
  return {
    ...ticket,
    reference: formatReference(ticket.number),
    amount: ticket.amount?.toString() ?? null,
    otherTickets: ticket.customer.tickets.map((t) => ({ reference: formatReference(t.number), subject: t.subject, stage: t.stage })),
  };
}
