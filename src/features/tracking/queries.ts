import "server-only";
import { formatReference } from "@/domain/reference";
import type { Stage } from "@/domain/stages";
import { db } from "@/server/db/prisma";
import { hashTrackingToken, isWellFormedTrackingToken } from "@/server/tracking-token";

export interface TrackedTicket {
  reference: string;
  stage: Stage;
  waitingOnCustomer: boolean;
  categoryEn: string;
  categoryId: string;
  narrative: string;
  desiredOutcome: string;
  orderNumber: string | null;
  /** What the customer said it cost, in the ticket's currency. */
  amount: { value: number; currency: string } | null;
  filedAt: Date;
  nextReplyBy: Date | null;
  rating: number | null;
  wouldTrustAgain: boolean | null;
  messages: { id: string; fromCustomer: boolean; body: string; at: Date }[];
}

/** What the holder of a tracking link may see: public messages only, never internal notes. */
export async function getTicketByTrackingToken(token: string): Promise<TrackedTicket | null> {
  if (!isWellFormedTrackingToken(token)) return null;
  const ticket = await db().ticket.findUnique({
    where: { trackingTokenHash: hashTrackingToken(token) },
    select: {
      number: true,
      stage: true,
      waitingOnCustomer: true,
      narrative: true,
      desiredOutcome: true,
      orderNumber: true,
      amount: true,
      currency: true,
      createdAt: true,
      acknowledgeBy: true,
      stageDueAt: true,
      rating: true,
      wouldTrustAgain: true,
      category: { select: { nameEn: true, nameId: true } },
      messages: {
        where: { visibility: "PUBLIC" },
        orderBy: { createdAt: "asc" },
        select: { id: true, authorType: true, body: true, createdAt: true },
      },
    },
  });
  if (!ticket) return null;
  return {
    reference: formatReference(ticket.number),
    stage: ticket.stage,
    waitingOnCustomer: ticket.waitingOnCustomer,
    categoryEn: ticket.category.nameEn,
    categoryId: ticket.category.nameId,
    narrative: ticket.narrative,
    desiredOutcome: ticket.desiredOutcome,
    orderNumber: ticket.orderNumber,
    amount: ticket.amount === null ? null : { value: Number(ticket.amount), currency: ticket.currency },
    filedAt: ticket.createdAt,
    // Before the first reply the promise is the acknowledgement; after it, the current stage's deadline.
    nextReplyBy:
      ticket.stage === "CLOSED" || ticket.waitingOnCustomer ? null : ticket.stage === "NEW" ? ticket.acknowledgeBy : ticket.stageDueAt,
    rating: ticket.rating,
    wouldTrustAgain: ticket.wouldTrustAgain,
    messages: ticket.messages.map((m) => ({ id: m.id, fromCustomer: m.authorType === "CUSTOMER", body: m.body, at: m.createdAt })),
  };
}
