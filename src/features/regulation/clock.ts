import "server-only";
import { isDomainError } from "@/domain/errors";
import {
  finalResponseSpan,
  pausesWhileIncomplete,
  regulatoryDeadline,
  resumedDeadline,
  type Channel,
  type ComplaintKind,
} from "@/domain/regulation/clock";
import { REGIMES, type RegimeCode } from "@/domain/regulation/regimes";
import type { Prisma } from "@/generated/prisma/client";
import { consoleLogger } from "@/server/ops/logger";
import { loadRegimeContext } from "./regime-context";

// The regulatory clock's columns on the ticket, kept by the commands that change what it depends
// on: filing starts it, waiting on the customer pauses it (where the regime counts from a complete
// complaint) and the customer's answer resumes it, recategorising to another regime recomputes
// it. A stage change never touches it. The SLA monitor records its warning and breach (./sweep.ts).

type Tx = Prisma.TransactionClient;

/** What these functions read of a ticket (PROTOCOL_FIELDS carries it). */
export interface ClockTicket {
  id: string;
  regime: RegimeCode;
  /** About payment services (the category's mark at filing): FCA answers it on its own span. */
  paymentServices: boolean;
  channel: Channel;
  createdAt: Date;
  regulatoryDueAt: Date | null;
  regulatoryPausedAt: Date | null;
  regulatoryWarnAt: Date | null;
  regulatoryBreachedAt: Date | null;
}

export interface RegulatoryColumns {
  regime?: RegimeCode;
  paymentServices?: boolean;
  regulatoryDueAt?: Date | null;
  regulatoryWarnAt?: Date | null;
  regulatoryPausedAt?: Date | null;
  regulatoryWarnedAt?: Date | null;
  regulatoryExtensions?: number;
}

/**
 * The clock of a complaint filed now under `regime`: its deadline and warning point. A regime whose
 * calendar is missing (refused on the admin page, so only a broken installation) files the
 * complaint without a clock and says so in the log, rather than lose the customer's complaint.
 */
export async function startRegulatoryClock(
  tx: Tx,
  regime: RegimeCode,
  channel: Channel,
  receivedAt: Date,
  kind: Required<ComplaintKind>,
): Promise<RegulatoryColumns> {
  const { paymentServices } = kind;
  // Without a final-response span (NONE) there is no clock to start, and nothing to read: an admin's
  // settings move a regime's warning and acknowledgement, never its span (effectiveRegime).
  if (!finalResponseSpan(REGIMES[regime], channel, kind)) return { regime, paymentServices, regulatoryDueAt: null, regulatoryWarnAt: null };
  const ctx = await loadRegimeContext(tx, regime);
  try {
    const deadline = regulatoryDeadline(ctx.regime, channel, receivedAt, ctx.calendar, kind);
    return { regime, paymentServices, regulatoryDueAt: deadline?.dueAt ?? null, regulatoryWarnAt: deadline?.warnAt ?? null };
  } catch (error) {
    if (!isDomainError(error, "adminRefused")) throw error;
    consoleLogger("regulation").error(`[regulation] ${error.message} The complaint was filed without a regulatory clock.`);
    return { regime, paymentServices, regulatoryDueAt: null, regulatoryWarnAt: null };
  }
}

/** Stops the clock while the complaint waits on the customer, where the regime allows it. */
export async function pauseRegulatoryClock(tx: Tx, ticket: ClockTicket, now: Date): Promise<RegulatoryColumns> {
  if (!ticket.regulatoryDueAt || ticket.regulatoryPausedAt || ticket.regulatoryBreachedAt) return {};
  const { regime } = await loadRegimeContext(tx, ticket.regime);
  return pausesWhileIncomplete(regime) ? { regulatoryPausedAt: now } : {};
}

/** Starts a paused clock again: the deadline moves by the days the customer held the complaint. */
export async function resumeRegulatoryClock(tx: Tx, ticket: ClockTicket, now: Date): Promise<RegulatoryColumns> {
  if (!ticket.regulatoryDueAt || !ticket.regulatoryPausedAt) return {};
  const ctx = await loadRegimeContext(tx, ticket.regime);
  const moved = resumedDeadline(ctx.regime, ticket.channel, ticket.regulatoryDueAt, ticket.regulatoryPausedAt, now, ctx.calendar, {
    paymentServices: ticket.paymentServices,
  });
  return { regulatoryPausedAt: null, regulatoryDueAt: moved.dueAt, regulatoryWarnAt: moved.warnAt };
}

/**
 * The clock after the complaint moved to a category of another regime (or in or out of payment
 * services): counted again from the day it was received, under the new regime, with a fresh
 * extension allowance. A breach already recorded stays recorded; a warning already given is given
 * again for a later deadline.
 */
export async function recategoriseRegulatoryClock(
  tx: Tx,
  ticket: ClockTicket,
  category: { regime: RegimeCode; paymentServices: boolean },
  now: Date,
): Promise<{ columns: RegulatoryColumns; changed: boolean }> {
  const { regime, paymentServices } = category;
  if (regime === ticket.regime) {
    // The mark counts only where the regime answers payment services apart (FCA): elsewhere it is
    // kept, and the clock and its extensions stay as they are.
    if (paymentServices === ticket.paymentServices) return { columns: {}, changed: false };
    if (!REGIMES[regime].paymentServices) return { columns: { paymentServices }, changed: false };
  }
  const ctx = await loadRegimeContext(tx, regime);
  const deadline = regulatoryDeadline(ctx.regime, ticket.channel, ticket.createdAt, ctx.calendar, { paymentServices });
  const stillPaused = deadline !== null && ticket.regulatoryPausedAt !== null && pausesWhileIncomplete(ctx.regime);
  return {
    changed: true,
    columns: {
      regime,
      paymentServices,
      regulatoryDueAt: deadline?.dueAt ?? null,
      regulatoryWarnAt: deadline?.warnAt ?? null,
      regulatoryPausedAt: stillPaused ? ticket.regulatoryPausedAt : null,
      regulatoryWarnedAt: deadline && deadline.warnAt > now ? null : undefined,
      regulatoryExtensions: 0,
    },
  };
}
