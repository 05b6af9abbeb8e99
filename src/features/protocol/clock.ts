import "server-only";
import { fulfilledBusinessSeconds } from "@/domain/reports/business-durations";
import { extendClock, pauseLength, stageClock } from "@/domain/sla";
import type { Stage } from "@/domain/stages";
import type { Prisma } from "@/generated/prisma/client";
import type { SlaPolicy } from "@/server/policy/sla-policy";
import { targetFor } from "@/server/policy/sla-policy";
import type { LoadedTicket } from "@/features/tickets/protocol-view";
import { pauseRegulatoryClock, resumeRegulatoryClock, type RegulatoryColumns } from "@/features/regulation/clock";

type Tx = Prisma.TransactionClient;
type Priority = LoadedTicket["priority"];

/** The ticket columns that mirror its running clock, for the queue's indexes; the regulatory clock's with them. */
export interface ClockColumns extends RegulatoryColumns {
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
    // A stage finished while waiting on the customer: the wait still does not count against it,
    // so its deadline moves like a resumed one and reports judge it against the right moment.
    const extra = running.pausedAt ? pauseLength(running.pausedAt, now, policy.calendar) : 0;
    const { dueAt, atRiskAt } = extendClock(running, extra, policy.calendar);
    const pausedMinutes = running.pausedMinutes + extra;
    await tx.slaTimer.update({
      where: { id: running.id },
      data: {
        fulfilledAt: now,
        pausedAt: null,
        pausedMinutes,
        dueAt,
        atRiskAt,
        businessSeconds: fulfilledBusinessSeconds(running.startedAt, now, pausedMinutes, policy.calendar),
      },
    });
  }
  // Closed while waiting on the customer: the regulatory clock does not stay paused for a reopening.
  if (to === "CLOSED")
    return { stageDueAt: null, stageAtRiskAt: null, waitingOnCustomer: false, ...(await resumeRegulatoryClock(tx, ticket, now)) };
  const clock = stageClock(now, targetFor(policy, categoryCode, priority, to), policy.calendar);
  await tx.slaTimer.create({
    data: {
      ticketId: ticket.id,
      stage: to,
      startedAt: now,
      dueAt: clock.dueAt,
      atRiskAt: clock.atRiskAt,
      businessMinutes: clock.businessMinutes,
    },
  });
  return { stageDueAt: clock.dueAt, stageAtRiskAt: clock.atRiskAt, waitingOnCustomer: false };
}

/**
 * Pauses the running clock while the ticket waits on the customer; the regulatory clock too, where
 * the regime counts from a complete complaint (waiting on the customer is asking for what it lacks).
 */
export async function pauseClock(
  tx: Tx,
  ticket: LoadedTicket,
  now: Date,
): Promise<Pick<ClockColumns, "waitingOnCustomer"> & RegulatoryColumns> {
  const running = ticket.timers[0];
  if (running && !running.pausedAt) await tx.slaTimer.update({ where: { id: running.id }, data: { pausedAt: now } });
  return { waitingOnCustomer: true, ...(await pauseRegulatoryClock(tx, ticket, now)) };
}

/**
 * Resumes the clock — its moments move by the business time spent paused — or recomputes it
 * after the target changed (priority or category): the new target counted from the stage's
 * start, plus the business time spent paused.
 */
export async function recomputeClock(
  tx: Tx,
  ticket: LoadedTicket,
  policy: SlaPolicy,
  now: Date,
  options: { resume: boolean; priority?: Priority; categoryCode?: string },
): Promise<Partial<ClockColumns>> {
  const regulatory = options.resume ? await resumeRegulatoryClock(tx, ticket, now) : {};
  const running = ticket.timers[0];
  if (!running) return options.resume ? { waitingOnCustomer: false, ...regulatory } : {};
  const stillPaused = running.pausedAt !== null && !options.resume;
  const pausedMinutes =
    running.pausedMinutes + (running.pausedAt && options.resume ? pauseLength(running.pausedAt, now, policy.calendar) : 0);
  const retargeted = options.priority !== undefined || options.categoryCode !== undefined;
  const clock = retargeted
    ? stageClock(
        running.startedAt,
        targetFor(policy, options.categoryCode ?? ticket.category.code, options.priority ?? ticket.priority, running.stage),
        policy.calendar,
        pausedMinutes,
      )
    : extendClock(running, pausedMinutes - running.pausedMinutes, policy.calendar);
  await tx.slaTimer.update({
    where: { id: running.id },
    data: {
      dueAt: clock.dueAt,
      atRiskAt: clock.atRiskAt,
      businessMinutes: clock.businessMinutes,
      pausedMinutes,
      pausedAt: stillPaused ? running.pausedAt : null,
    },
  });
  return { stageDueAt: clock.dueAt, stageAtRiskAt: clock.atRiskAt, waitingOnCustomer: stillPaused, ...regulatory };
}
