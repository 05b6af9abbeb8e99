import "server-only";
import { DomainError, type InvalidChangeCode } from "@/domain/errors";
import { extensionFor, extensionRule, type ExtensionRefusal, type ExtensionRule } from "@/domain/regulation/clock";
import { writeLetter } from "@/features/letters/send";
import { changeTicket, type Actor, type TicketRef } from "@/features/protocol/change-ticket";
import { loadRegimeContext } from "./regime-context";

// The one extension a regime allows (OJK: 10 more working days, with notice to the customer
// before the first deadline ends; FCA, for a payment-services complaint: a holding reply, the final
// response then due 35 business days after receipt): regulatoryDueAt moves, the event is recorded
// and the customer is told by the letter the regime names, all in one transaction.

const REFUSALS: Record<ExtensionRefusal, InvalidChangeCode> = {
  noClock: "regulatoryNoClock",
  noExtension: "regulatoryNoExtension",
  extensionUsed: "regulatoryExtensionUsed",
  deadlinePassed: "regulatoryDeadlinePassed",
  reasonMissing: "regulatoryReasonMissing",
};
// A holding reply's refusals say so: the customer was already sent one, or its deadline has passed.
const HOLDING_REPLY_REFUSALS: Partial<Record<ExtensionRefusal, InvalidChangeCode>> = {
  extensionUsed: "regulatoryHoldingReplySent",
  deadlinePassed: "regulatoryHoldingReplyTooLate",
};

export interface ExtensionResult {
  ticketId: string;
  previousDueAt: Date;
  dueAt: Date;
  /** The letter that told the customer: an extension, or FCA's holding reply. */
  letterId: string;
  letterKind: ExtensionRule["letterKind"];
}

/**
 * Extends the ticket's regulatory deadline by its regime's extension rule, once, before the first
 * deadline has passed, for `reason` (which the customer reads). Refused (invalidChange, saying
 * why) otherwise. The customer is told by the rule's letter (extension or holding reply), in the
 * same transaction.
 */
export function extendRegulatoryDeadline(
  ref: TicketRef & { reason: string; letterKind?: ExtensionRule["letterKind"] },
  actor: Actor & { name: string },
  now = new Date(),
): Promise<ExtensionResult> {
  return changeTicket(ref, actor, now, async ({ tx, ticket }) => {
    if (ticket.stage === "CLOSED") throw new DomainError("invalidChange", { code: "regulatoryNoClock" });
    const ctx = await loadRegimeContext(tx, ticket.regime);
    const kind = { paymentServices: ticket.paymentServices };
    const rule = extensionRule(ctx.regime, kind);
    // A letter form that asked for the other kind (an extension of an FCA payment-services
    // complaint, a holding reply under OJK) is refused rather than sent as a letter not chosen.
    if (ref.letterKind && rule && ref.letterKind !== rule.letterKind)
      throw new DomainError("regulatedRefused", { code: "kindNotForRegime" });
    const decision = extensionFor(
      ctx.regime,
      {
        dueAt: ticket.regulatoryDueAt,
        extensions: ticket.regulatoryExtensions,
        reason: ref.reason,
        now,
        receivedAt: ticket.createdAt,
        kind,
      },
      ctx.calendar,
    );
    if (!decision.ok) {
      const code = (rule?.letterKind === "HOLDING_REPLY" && HOLDING_REPLY_REFUSALS[decision.refusal]) || REFUSALS[decision.refusal];
      throw new DomainError("invalidChange", { code });
    }
    const previousDueAt = ticket.regulatoryDueAt!;
    const reason = ref.reason.trim();
    // The customer's notice is the letter the regime names (extension or holding reply), checked for
    // what the regime requires and sent in this transaction: a letter refused refuses the extension.
    const letter = await writeLetter(tx, ticket, { kind: decision.letterKind, reason, newDueAt: decision.dueAt }, actor, now);
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
          after: { dueAt: decision.dueAt.toISOString(), reason, regime: ticket.regime, letter: decision.letterKind },
        },
      ],
      result: { ticketId: ticket.id, previousDueAt, dueAt: decision.dueAt, letterId: letter.letterId, letterKind: decision.letterKind },
    };
  });
}
