import "server-only";
import { formatReference } from "@/domain/reference";
import { isDomainError, type BulkSkip } from "@/domain/errors";
import type { Priority } from "@/domain/stages";
import { db } from "@/server/db/prisma";
import type { Actor, TicketRef } from "./change-ticket";
import { assign, setPriority, setWaitingOnCustomer } from "./commands";

/** What one bulk change does to each ticket: one of the per-ticket commands. */
export type BulkOperation =
  { kind: "assign"; assigneeId: string | null } | { kind: "priority"; priority: Priority } | { kind: "wait" } | { kind: "resume" };

export interface BulkOutcome {
  done: string[];
  skipped: BulkSkip[];
}

function apply(operation: BulkOperation, ref: TicketRef, actor: Actor, now: Date) {
  switch (operation.kind) {
    case "assign":
      return assign({ ...ref, assigneeId: operation.assigneeId }, actor, now);
    case "priority":
      return setPriority({ ...ref, priority: operation.priority }, actor, now);
    case "wait":
    case "resume":
      return setWaitingOnCustomer({ ...ref, waiting: operation.kind === "wait" }, actor, now);
  }
}

/**
 * The same change to several tickets (the queue's bulk actions, the board's reassignment), each at
 * the version the actor saw and through its own command, so each keeps its own conflict check and
 * event and one ticket's refusal leaves the others changed. Which were skipped, and why, comes back.
 */
export async function applyToTickets(
  refs: readonly TicketRef[],
  operation: BulkOperation,
  actor: Actor,
  now = new Date(),
): Promise<BulkOutcome> {
  const found = await db().ticket.findMany({
    where: { id: { in: refs.map((r) => r.ticketId) } },
    select: { id: true, number: true, stage: true },
  });
  const byId = new Map(found.map((t) => [t.id, t]));
  const outcome: BulkOutcome = { done: [], skipped: [] };
  for (const ref of refs) {
    const ticket = byId.get(ref.ticketId);
    if (!ticket) {
      outcome.skipped.push({ reference: ref.ticketId, reason: "gone" });
      continue;
    }
    const reference = formatReference(ticket.number);
    // Closed is the better answer even when it was closed after the list was drawn (which also changed it).
    if (ticket.stage === "CLOSED") {
      outcome.skipped.push({ reference, reason: "closed" });
      continue;
    }
    try {
      await apply(operation, ref, actor, now);
      outcome.done.push(reference);
    } catch (error) {
      if (isDomainError(error, "conflict")) outcome.skipped.push({ reference, reason: "changed" });
      else if (isDomainError(error, "notFound")) outcome.skipped.push({ reference, reason: "gone" });
      else if (isDomainError(error, "protocolRefused") || isDomainError(error, "invalidChange"))
        outcome.skipped.push({ reference, reason: "refused" });
      else throw error;
    }
  }
  return outcome;
}
