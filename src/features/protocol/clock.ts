import "server-only";
import { addBusinessMinutes } from "@/domain/business-time";
import { pauseLength, stageClock } from "@/domain/sla";
import type { Stage } from "@/domain/stages";
import type { Prisma } from "@/generated/prisma/client";
import type { SlaPolicy } from "@/server/policy/sla-policy";
import { targetFor } from "@/server/policy/sla-policy";
import type { LoadedTicket } from "./ticket-state";

type Tx = Prisma.TransactionClient;
type Priority = LoadedTicket["priority"];

/** The ticket columns that mirror its running clock, for the queue's indexes. */
export interface ClockColumns {
  stageDueAt: Date | null;
  stageAtRiskAt: Date | null;
  waitingOnCustomer: boolean;
}

/** Stops the running clock (its stage is done) and starts the next stage's, unless the ticket closed. */
export async function startStageClock(
  tx: Tx,
  ticket: LoadedTicket,
  to: Stage,
  policy: SlaPolicy,
  now: Date,
  priority: Priority = ticket.priority,
  categoryCode = ticket.category.code,
): Promise<ClockColumns> {
  const running = ticket.timers[0];
  if (running) {
    const extra = running.pausedAt ? pauseLength(running.pausedAt, now, policy.calendar) : 0;
    await tx.slaTimer.update({ where: { id: running.id }, data: { fulfilledAt: now, pausedAt: null, pausedMinutes: running.pausedMinutes + extra } });
  }
  if (to === "CLOSED") return { stageDueAt: null, stageAtRiskAt: null, waitingOnCustomer: false };
  const clock = stageClock(now, targetFor(policy, categoryCode, priority, to), policy.calendar);
  await tx.slaTimer.create({
    data: { ticketId: ticket.id, stage: to, startedAt: now, dueAt: clock.dueAt, atRiskAt: clock.atRiskAt, businessMinutes: clock.businessMinutes },
  });
  return { stageDueAt: clock.dueAt, stageAtRiskAt: clock.atRiskAt, waitingOnCustomer: false };
}

/** Pauses the running clock while the ticket waits on the customer. */
export async function pauseClock(tx: Tx, ticket: LoadedTicket, now: Date): Promise<Pick<ClockColumns, "waitingOnCustomer">> {
  const running = ticket.timers[0];
  if (running && !running.pausedAt) await tx.slaTimer.update({ where: { id: running.id }, data: { pausedAt: now } });
  return { waitingOnCustomer: true };
}

/**
 * Resumes the clock, or recomputes it after the ticket's own target changed (priority or category).
 *
 * A resume keeps the promise the stage started with, moved back by the business time spent
 * waiting: an admin's later change to the SLA targets does not reach a running stage. A new
 * priority or category is a new promise: the stage's target as the policy now stands, counted
 * from its start, plus the business time spent paused.
 */
export async function recomputeClock(
  tx: Tx,
  ticket: LoadedTicket,
  policy: SlaPolicy,
  now: Date,
  options: { resume: boolean; priority?: Priority; categoryCode?: string },
): Promise<Partial<ClockColumns>> {
  const running = ticket.timers[0];
  if (!running) return options.resume ? { waitingOnCustomer: false } : {};
  const stillPaused = running.pausedAt !== null && !options.resume;
  const extra = running.pausedAt && options.resume ? pauseLength(running.pausedAt, now, policy.calendar) : 0;
  const pausedMinutes = running.pausedMinutes + extra;
  const retarget = options.priority !== undefined || options.categoryCode !== undefined;
  const clock = retarget
    ? stageClock(running.startedAt, targetFor(policy, options.categoryCode ?? ticket.category.code, options.priority ?? ticket.priority, running.stage), policy.calendar, pausedMinutes)
    : {
        // Business minutes add up: the old moment plus the pause is the start plus both.
        // (Adding nothing is skipped: from a closing time it would move to the next opening.)
        dueAt: extra ? addBusinessMinutes(running.dueAt, extra, policy.calendar) : running.dueAt,
        atRiskAt: extra ? addBusinessMinutes(running.atRiskAt, extra, policy.calendar) : running.atRiskAt,
        businessMinutes: running.businessMinutes,
      };
  await tx.slaTimer.update({
    where: { id: running.id },
    data: { dueAt: clock.dueAt, atRiskAt: clock.atRiskAt, businessMinutes: clock.businessMinutes, pausedMinutes, pausedAt: stillPaused ? running.pausedAt : null },
  });
  return { stageDueAt: clock.dueAt, stageAtRiskAt: clock.atRiskAt, waitingOnCustomer: stillPaused };
}
