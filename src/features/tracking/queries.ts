import "server-only";
import { formatReference } from "@/domain/reference";
import { CUSTOMER_TICKET, toTrackingView, type TrackedTicket } from "@/features/tickets/views";
import { db } from "@/server/db/prisma";
import { loadFieldDefinitions } from "@/features/custom-fields/queries";
import { hashTrackingToken, isWellFormedTrackingToken, unsealTrackingToken } from "@/server/tracking-token";

/** What the holder of a tracking link may see: public messages only, never internal notes. */
export async function getTicketByTrackingToken(token: string): Promise<TrackedTicket | null> {
  if (!isWellFormedTrackingToken(token)) return null;
  const ticket = await db().ticket.findUnique({ where: { trackingTokenHash: hashTrackingToken(token) }, select: CUSTOMER_TICKET });
  return ticket && toTrackingView(ticket, await loadFieldDefinitions());
}

/** Where a merged complaint's link leads: the survivor's own page, or (another customer's) only a notice. */
export type MergedLink = { kind: "follow"; token: string } | { kind: "notice"; reference: string };

// A survivor may itself have been merged later; a chain is short, and a bound keeps a bad one finite.
const MAX_HOPS = 10;

/**
 * For the link of a duplicate merged into another ticket: the survivor's link when every merge on
 * the way joined complaints of the same customer (they already hold it, it was mailed to them), else
 * a notice naming only their own reference — another customer's conversation is never shown.
 * Null when the link's ticket was not merged (or the link leads nowhere).
 */
export async function mergedTrackingLink(token: string): Promise<MergedLink | null> {
  if (!isWellFormedTrackingToken(token)) return null;
  const select = { id: true, number: true, customerId: true, mergedIntoId: true, trackingTokenSealed: true } as const;
  const start = await db().ticket.findUnique({ where: { trackingTokenHash: hashTrackingToken(token) }, select });
  if (!start?.mergedIntoId) return null;
  const notice: MergedLink = { kind: "notice", reference: formatReference(start.number) };
  let current = start;
  for (let hop = 0; hop < MAX_HOPS && current.mergedIntoId; hop++) {
    const next = await db().ticket.findUnique({ where: { id: current.mergedIntoId }, select });
    if (!next || next.customerId !== start.customerId) return notice;
    current = next;
  }
  if (current.mergedIntoId || !current.trackingTokenSealed) return notice;
  const survivorToken = unsealTrackingToken(current.trackingTokenSealed);
  return survivorToken ? { kind: "follow", token: survivorToken } : notice;
}
