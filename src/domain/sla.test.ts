import { describe, expect, it } from "vitest";
import { WEEKDAYS_8_TO_17 } from "./business-time";
import fc from "fast-check";
import { DEFAULT_SLA_TARGETS, extendClock, pauseLength, pickSlaTarget, stageClock, type SlaTargetRule } from "./sla";

const calendar = { timeZone: "Asia/Jakarta", hours: WEEKDAYS_8_TO_17, holidays: [] };

describe("pickSlaTarget", () => {
  const rules: SlaTargetRule[] = [
    ...DEFAULT_SLA_TARGETS,
    { categoryCode: "PAYMENT_PROBLEM", priority: null, stage: "NEW", businessMinutes: 120, atRiskPercent: 50 },
    { categoryCode: "PAYMENT_PROBLEM", priority: "URGENT", stage: "NEW", businessMinutes: 30, atRiskPercent: 80 },
  ];

  it("prefers category and priority, then category, then priority, then the fallback", () => {
    expect(pickSlaTarget(rules, "PAYMENT_PROBLEM", "URGENT", "NEW")?.businessMinutes).toBe(30);
    expect(pickSlaTarget(rules, "PAYMENT_PROBLEM", "NORMAL", "NEW")?.businessMinutes).toBe(120);
    expect(pickSlaTarget(rules, "OTHER", "URGENT", "NEW")?.businessMinutes).toBe(60);
    expect(pickSlaTarget(rules, "OTHER", "NORMAL", "NEW")?.businessMinutes).toBe(240);
  });

  it("finds nothing for a stage without a target", () => {
    expect(pickSlaTarget(rules, "OTHER", "NORMAL", "CLOSED")).toBeUndefined();
  });
});

describe("stageClock", () => {
  it("puts the at-risk moment at the rule's share of the business time", () => {
    const clock = stageClock(new Date("2026-11-23T09:00:00+07:00"), { businessMinutes: 240, atRiskPercent: 75 }, calendar);
    expect(clock.dueAt).toEqual(new Date("2026-11-23T13:00:00+07:00"));
    expect(clock.atRiskAt).toEqual(new Date("2026-11-23T12:00:00+07:00"));
  });
});

describe("pausing a stage's clock", () => {
  const rule = { businessMinutes: 540, atRiskPercent: 75 };

  it("moves the deadline by the business time spent waiting, even across a weekend", () => {
    const started = new Date("2026-11-27T09:00:00+07:00"); // Friday
    const paused = new Date("2026-11-27T15:00:00+07:00");
    const resumed = new Date("2026-11-30T10:00:00+07:00"); // Monday
    const pausedMinutes = pauseLength(paused, resumed, calendar);
    expect(pausedMinutes).toBe(120 + 120);
    // Six of nine hours were used before the pause; three remain from Monday 10:00.
    expect(stageClock(started, rule, calendar, pausedMinutes).dueAt).toEqual(new Date("2026-11-30T13:00:00+07:00"));
  });

  it("never shortens a deadline", () => {
    const instant = fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2027-06-01T00:00:00Z"), noInvalidDate: true });
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 14 * 24 * 60 }),
        fc.integer({ min: 0, max: 14 * 24 * 60 }),
        (started, pauseOffset, pauseDuration) => {
          const pausedAt = new Date(started.getTime() + pauseOffset * 60_000);
          const resumedAt = new Date(pausedAt.getTime() + pauseDuration * 60_000);
          const before = stageClock(started, rule, calendar);
          const after = stageClock(started, rule, calendar, pauseLength(pausedAt, resumedAt, calendar));
          return after.dueAt >= before.dueAt && after.atRiskAt >= before.atRiskAt;
        },
      ),
    );
  });

  it("extends a running clock to the same moments as counting the pause from the start", () => {
    const instant = fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2027-06-01T00:00:00Z"), noInvalidDate: true });
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 5 * 540 }), (started, paused) => {
        const extended = extendClock(stageClock(started, rule, calendar), paused, calendar);
        const counted = stageClock(started, rule, calendar, paused);
        return extended.dueAt.getTime() === counted.dueAt.getTime() && extended.atRiskAt.getTime() === counted.atRiskAt.getTime();
      }),
    );
  });
});
