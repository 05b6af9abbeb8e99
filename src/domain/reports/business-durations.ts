import { businessMinutesBetween, type BusinessCalendar } from "../business-time";

// Time per stage in business time, as the SLA counts it: only the calendar's opening hours, and not
// the business time the clock stood paused waiting on the customer. Worked out with the same
// calendar arithmetic the deadlines use, so the report and the SLA can never disagree.

export interface FulfilledTimer {
  stage: string;
  startedAt: Date;
  fulfilledAt: Date;
  /** Business minutes the clock was paused. */
  pausedMinutes: number;
}

export interface BusinessDurationStats {
  medianHours: number | null;
  p90Hours: number | null;
}

/** The continuous percentile PostgreSQL's percentile_cont gives: interpolated between neighbours. */
export function percentileCont(sorted: readonly number[], fraction: number): number | null {
  if (sorted.length === 0) return null;
  const position = fraction * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

/**
 * The business seconds a clock ran from its start to its fulfilment, less the business time it
 * stood paused: stored on the clock when it is fulfilled, and what the report's business columns read.
 */
export function fulfilledBusinessSeconds(startedAt: Date, fulfilledAt: Date, pausedMinutes: number, calendar: BusinessCalendar): number {
  return Math.round(Math.max(0, businessMinutesBetween(startedAt, fulfilledAt, calendar) - pausedMinutes) * 60);
}

const tenths = (hours: number | null) => (hours === null ? null : Math.round(hours * 10) / 10);

/** Per stage, the median and 90th percentile of the business hours each fulfilled clock ran, to 0.1 h. */
export function businessDurationsByStage(
  timers: readonly FulfilledTimer[],
  calendar: BusinessCalendar,
): Map<string, BusinessDurationStats> {
  const hours = new Map<string, number[]>();
  for (const timer of timers) {
    const seconds = fulfilledBusinessSeconds(timer.startedAt, timer.fulfilledAt, timer.pausedMinutes, calendar);
    const list = hours.get(timer.stage) ?? [];
    list.push(seconds / 3600);
    hours.set(timer.stage, list);
  }
  const stats = new Map<string, BusinessDurationStats>();
  for (const [stage, list] of hours) {
    list.sort((a, b) => a - b);
    stats.set(stage, { medianHours: tenths(percentileCont(list, 0.5)), p90Hours: tenths(percentileCont(list, 0.9)) });
  }
  return stats;
}
