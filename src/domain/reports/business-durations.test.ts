import { describe, expect, it } from "vitest";
import { WEEKDAYS_8_TO_17, type BusinessCalendar } from "../business-time";
import { businessDurationsByStage, percentileCont } from "./business-durations";

const calendar: BusinessCalendar = { timeZone: "Asia/Jakarta", hours: WEEKDAYS_8_TO_17, holidays: ["2026-11-25"] };
const at = (local: string) => new Date(`2026-11-${local}+07:00`);

describe("percentileCont", () => {
  it("interpolates as PostgreSQL does", () => {
    expect(percentileCont([], 0.5)).toBeNull();
    expect(percentileCont([4], 0.9)).toBe(4);
    expect(percentileCont([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentileCont([0, 10], 0.9)).toBe(9);
  });
});

describe("businessDurationsByStage", () => {
  it("counts only opening hours, skips holidays, and leaves out the time paused waiting on the customer", () => {
    const stats = businessDurationsByStage(
      [
        // Friday 16:00 to Monday 10:00: one hour on Friday, two on Monday, though 66 hours passed.
        { stage: "LISTEN", startedAt: at("20T16:00:00"), fulfilledAt: at("23T10:00:00"), pausedMinutes: 0 },
        // Tuesday 16:00 to Thursday 09:00 over Wednesday's holiday: two hours.
        { stage: "LISTEN", startedAt: at("24T16:00:00"), fulfilledAt: at("26T09:00:00"), pausedMinutes: 0 },
        // Monday 08:00 to 17:00 with an hour and a half waiting on the customer: 7.5 hours.
        { stage: "RESOLVE", startedAt: at("23T08:00:00"), fulfilledAt: at("23T17:00:00"), pausedMinutes: 90 },
      ],
      calendar,
    );
    expect(stats.get("LISTEN")).toEqual({ medianHours: 2.5, p90Hours: 2.9 });
    expect(stats.get("RESOLVE")).toEqual({ medianHours: 7.5, p90Hours: 7.5 });
    expect(stats.has("NEW")).toBe(false);
  });
});
