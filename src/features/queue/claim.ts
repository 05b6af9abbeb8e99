import "server-only";
import { writeTicket } from "@/features/tickets/write";
import { db } from "@/server/db/prisma";

export type ClaimOutcome = "claimed" | "alreadyAssigned" | "notFound";

/**
 * Assigns an unassigned open ticket to the agent. The write goes ahead only while the ticket is
 * still unassigned, which makes two agents clicking at once safe: exactly one of them gets it.
 */
export async function claimTicket(ticketId: string, agentId: string, now = new Date()): Promise<ClaimOutcome> {
  return db().$transaction(async (tx) => {
    const outcome = await writeTicket(
      tx,
      { ticketId, where: { assigneeId: null, stage: { not: "CLOSED" } } },
      { type: "STAFF", id: agentId },
      now,
      async () => ({
        patch: { assigneeId: agentId },
        events: [{ type: "ticket.assigned", before: { assigneeId: null }, after: { assigneeId: agentId } }],
        result: "claimed" as const,
      }),
    );
    if (outcome.written) return outcome.result;
    const exists = await tx.ticket.count({ where: { id: ticketId } });
    return exists ? "alreadyAssigned" : "notFound";
  });
}
