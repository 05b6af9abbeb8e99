import "server-only";
import { db } from "@/server/db/prisma";

export type ClaimOutcome = "claimed" | "alreadyAssigned" | "notFound";

/**
 * Assigns an unassigned open ticket to the agent. The conditional update makes two
 * agents clicking at once safe: exactly one of them gets it.
 */
export async function claimTicket(ticketId: string, agentId: string, now = new Date()): Promise<ClaimOutcome> {
  return db().$transaction(async (tx) => {
    const { count } = await tx.ticket.updateMany({
      where: { id: ticketId, assigneeId: null, stage: { not: "CLOSED" } },
      data: { assigneeId: agentId, version: { increment: 1 } },
    });
    if (count === 0) {
      const exists = await tx.ticket.count({ where: { id: ticketId } });
      return exists ? "alreadyAssigned" : "notFound";
    }
    await tx.ticketEvent.create({
      data: {
        ticketId,
        actorType: "STAFF",
        actorId: agentId,
        type: "ticket.assigned",
        before: { assigneeId: null },
        after: { assigneeId: agentId },
        createdAt: now,
      },
    });
    return "claimed";
  });
}
