import "server-only";
import { CUSTOMER_TICKET, toTrackingView, type TrackedTicket } from "@/features/tickets/views";
import { db } from "@/server/db/prisma";
import { loadFieldDefinitions } from "@/features/custom-fields/queries";
import { hashTrackingToken, isWellFormedTrackingToken } from "@/server/tracking-token";

/** What the holder of a tracking link may see: public messages only, never internal notes. */
export async function getTicketByTrackingToken(token: string): Promise<TrackedTicket | null> {
  if (!isWellFormedTrackingToken(token)) return null;
  const ticket = await db().ticket.findUnique({ where: { trackingTokenHash: hashTrackingToken(token) }, select: CUSTOMER_TICKET });
  return ticket && toTrackingView(ticket, await loadFieldDefinitions());
}
