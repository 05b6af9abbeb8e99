import "server-only";
import { DomainError, type InvalidChangeCode } from "@/domain/errors";
import { extensionFor, type ExtensionRefusal } from "@/domain/regulation/clock";
import { writeLetter } from "@/features/letters/send";
import { changeTicket, type Actor, type TicketRef } from "@/features/protocol/change-ticket";
import { loadRegimeContext } from "./regime-context";

// The one extension a regime allows (OJK: 10 more working days, with notice to the customer
// before the first deadline ends): regulatoryDueAt moves, the event is recorded and the customer is
// told, all in one transaction.

const REFUSALS: Record<ExtensionRefusal, InvalidChangeCode> = {
  noClock: "regulatoryNoClock",
  noExtension: "regulatoryNoExtension",
  extensionUsed: "regulatoryExtensionUsed",
  deadlinePassed: "regulatoryDeadlinePassed",
  reasonMissing: "regulatoryReasonMissing",
};

export interface ExtensionResult {
  ticketId: string;
  previousDueAt: Date;
  dueAt: Date;
  /** The extension letter that told the customer. */
  letterId: string;
}

/**
 * Extends the ticket's regulatory deadline by its regime's extension span, once, before the first
 * deadline has passed, for `reason` (which the customer reads). Refused (invalidChange, saying
 * why) otherwise. The customer is told by the extension letter, in the same transaction.
 */
export function extendRegulatoryDeadline(
  ref: TicketRef & { reason: string },
  actor: Actor & { name: string },
  now = new Date(),
): Promise<ExtensionResult> {
  return changeTicket(ref, actor, now, async ({ tx, ticket }) => {
    if (ticket.stage === "CLOSED") throw new DomainError("invalidChange", { code: "regulatoryNoClock" });
    const ctx = await loadRegimeContext(tx, ticket.regime);
    const decision = extensionFor(
      ctx.regime,
      { dueAt: ticket.regulatoryDueAt, extensions: ticket.regulatoryExtensions, reason: ref.reason, now },
      ctx.calendar,
    );
    if (!decision.ok) throw new DomainError("invalidChange", { code: REFUSALS[decision.refusal] });
    const previousDueAt = ticket.regulatoryDueAt!;
    const reason = ref.reason.trim();
    // The customer's notice is the extension letter, checked for what the regime requires and sent
    // in this transaction: a letter refused refuses the extension.
    const letter = await writeLetter(tx, ticket, { kind: "EXTENSION", reason, newDueAt: decision.dueAt }, actor, now);
    return {
      patch: {
        regulatoryDueAt: decision.dueAt,
        regulatoryWarnAt: decision.warnAt,
        // The new deadline gets its own warning.
        regulatoryWarnedAt: decision.warnAt > now ? null : undefined,
        regulatoryExtensions: { increment: 1 },
      },
      events: [
        ...letter.events,
        {
          type: "regulatory.extended",
          before: { dueAt: previousDueAt.toISOString() },
          after: { dueAt: decision.dueAt.toISOString(), reason, regime: ticket.regime },
        },
      ],
      result: { ticketId: ticket.id, previousDueAt, dueAt: decision.dueAt, letterId: letter.letterId },
    };
  });
}
