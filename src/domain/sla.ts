import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar } from "./business-time";
import type { Priority, Stage } from "./stages";

export interface SlaTargetRule {
  categoryCode: string | null;
  priority: Priority | null;
  stage: Stage;
  businessMinutes: number;
  atRiskPercent: number;
}

export interface StageClock {
  dueAt: Date;
  atRiskAt: Date;
  businessMinutes: number;
}

/** The most specific rule for the case: category and priority beat category beat priority beat neither. */
export function pickSlaTarget(
  rules: readonly SlaTargetRule[],
  categoryCode: string,
  priority: Priority,
  stage: Stage,
): SlaTargetRule | undefined {
  const score = (r: SlaTargetRule) => (r.categoryCode ? 2 : 0) + (r.priority ? 1 : 0);
  return rules
    .filter(
      (r) =>
        r.stage === stage &&
        (r.categoryCode === null || r.categoryCode === categoryCode) &&
        (r.priority === null || r.priority === priority),
    )
    .sort((a, b) => score(b) - score(a))[0];
}

/**
 * When a stage started at `startedAt` is due, and when it turns at risk. Business time
 * spent waiting on the customer does not count, so it pushes both moments back.
 */
export function stageClock(
  startedAt: Date,
  rule: Pick<SlaTargetRule, "businessMinutes" | "atRiskPercent">,
  calendar: BusinessCalendar,
  pausedBusinessMinutes = 0,
): StageClock {
  const atRiskMinutes = Math.floor((rule.businessMinutes * rule.atRiskPercent) / 100);
  return {
    dueAt: addBusinessMinutes(startedAt, rule.businessMinutes + pausedBusinessMinutes, calendar),
    atRiskAt: addBusinessMinutes(startedAt, atRiskMinutes + pausedBusinessMinutes, calendar),
    businessMinutes: rule.businessMinutes,
  };
}

/**
 * A running clock pushed back by business time spent waiting on the customer. It moves the
 * moments the stage started with, so a target changed by an admin since does not leak in.
 */
export function extendClock<C extends Pick<StageClock, "dueAt" | "atRiskAt">>(
  clock: C,
  pausedBusinessMinutes: number,
  calendar: BusinessCalendar,
): C {
  if (pausedBusinessMinutes <= 0) return clock;
  return {
    ...clock,
    dueAt: addBusinessMinutes(clock.dueAt, pausedBusinessMinutes, calendar),
    atRiskAt: addBusinessMinutes(clock.atRiskAt, pausedBusinessMinutes, calendar),
  };
}

/** The business minutes a pause from `pausedAt` to `resumedAt` adds to the stage's clock. */
export function pauseLength(pausedAt: Date, resumedAt: Date, calendar: BusinessCalendar): number {
  return Math.round(businessMinutesBetween(pausedAt, resumedAt, calendar));
}

const BUSINESS_DAY = 9 * 60;

/** The design brief's defaults, used when an admin has set nothing more specific. */
export const DEFAULT_SLA_TARGETS: readonly SlaTargetRule[] = [
  { categoryCode: null, priority: null, stage: "NEW", businessMinutes: 4 * 60, atRiskPercent: 75 },
  { categoryCode: null, priority: "URGENT", stage: "NEW", businessMinutes: 60, atRiskPercent: 75 },
  { categoryCode: null, priority: null, stage: "LISTEN", businessMinutes: BUSINESS_DAY, atRiskPercent: 75 },
  { categoryCode: null, priority: null, stage: "UNDERSTAND", businessMinutes: BUSINESS_DAY, atRiskPercent: 75 },
  { categoryCode: null, priority: null, stage: "RESOLVE", businessMinutes: 3 * BUSINESS_DAY, atRiskPercent: 75 },
  { categoryCode: null, priority: null, stage: "APOLOGISE", businessMinutes: 4 * 60, atRiskPercent: 75 },
];
