import "server-only";
import { DomainError, type InvalidChangeCode } from "@/domain/errors";
import { extensionFor, type ExtensionRefusal } from "@/domain/regulation/clock";
import { SHIPPED_CALENDARS } from "@/domain/regulation/calendars";
import type { Prisma } from "@/generated/prisma/client";
import { customerMailContext } from "@/features/notifications/context";
import { extensionMail } from "@/features/notifications/customer-mail";
import { changeTicket, type Actor, type TicketRef } from "@/features/protocol/change-ticket";
import type { LoadedTicket } from "@/features/tickets/protocol-view";
import { enqueueMail } from "@/server/mail/outbox";
import { loadRegimeContext } from "./regime-context";

// The one extension a regime allows (OJK: 10 more working days, with notice to the customer
// before the first deadline ends): regulatoryDueAt moves, the event is recorded and the customer is
// told, all in one transaction.

/** What the customer's notice of an extension is made from. */
export interface ExtensionFacts {
  tx: Prisma.TransactionClient;
  ticket: LoadedTicket;
  previousDueAt: Date;
  dueAt: Date;
  reason: string;
  /** The regime's calendar's zone, for the date the customer reads. */
  timeZone: string;
  now: Date;
}

/** How the customer hears of an extension, inside its transaction. */
export type ExtensionNotifier = (facts: ExtensionFacts) => Promise<void>;

/** The interim notice: a mail through the customer mail path, until the extension letter replaces it. */
export const mailExtensionNotice: ExtensionNotifier = async ({ tx, ticket, dueAt, reason, timeZone }) => {
  await enqueueMail(tx, extensionMail(customerMailContext(ticket), { dueAt, timeZone, reason }));
};

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
}

/**
 * Extends the ticket's regulatory deadline by its regime's extension span, once, before the first
 * deadline has passed, for `reason` (which the customer reads). Refused (invalidChange, saying
 * why) otherwise. `notify` tells the customer in the same transaction: by default a mail; the
 * extension letter plugs in here.
 */
export function extendRegulatoryDeadline(
  ref: TicketRef & { reason: string },
  actor: Actor,
  now = new Date(),
  notify: ExtensionNotifier = mailExtensionNotice,
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
    await notify({
      tx,
      ticket,
      previousDueAt,
      dueAt: decision.dueAt,
      reason,
      timeZone: ctx.calendar?.timeZone ?? (ctx.regime.calendar ? SHIPPED_CALENDARS[ctx.regime.calendar].timeZone : "Asia/Jakarta"),
      now,
    });
    return {
      patch: {
        regulatoryDueAt: decision.dueAt,
        regulatoryWarnAt: decision.warnAt,
        // The new deadline gets its own warning.
        regulatoryWarnedAt: decision.warnAt > now ? null : undefined,
        regulatoryExtensions: { increment: 1 },
      },
      events: [
        {
          type: "regulatory.extended",
          before: { dueAt: previousDueAt.toISOString() },
          after: { dueAt: decision.dueAt.toISOString(), reason, regime: ticket.regime },
        },
      ],
      result: { ticketId: ticket.id, previousDueAt, dueAt: decision.dueAt },
    };
  });
}
