import { describe, expect, it } from "vitest";
import { WEEKDAYS_8_TO_17 } from "./business-time";
import { DEFAULT_SLA_TARGETS, pickSlaTarget, stageClock, type SlaTargetRule } from "./sla";

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
