import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addBusinessMinutes, businessMinutesBetween, WEEKDAYS_8_TO_17, type BusinessCalendar } from "./business-time";

const jakarta: BusinessCalendar = { timeZone: "Asia/Jakarta", hours: WEEKDAYS_8_TO_17, holidays: ["2026-12-25"] };
// Jakarta is UTC+7 all year: 2026-11-23 is a Monday.
const wib = (local: string) => new Date(`${local}+07:00`);

describe("addBusinessMinutes", () => {
  it("adds within one working day", () => {
    expect(addBusinessMinutes(wib("2026-11-23T09:00:00"), 240, jakarta)).toEqual(wib("2026-11-23T13:00:00"));
  });

  it("carries what is left past closing into the next morning", () => {
    expect(addBusinessMinutes(wib("2026-11-23T16:00:00"), 240, jakarta)).toEqual(wib("2026-11-24T11:00:00"));
  });

  it("starts counting at opening when filed overnight", () => {
    expect(addBusinessMinutes(wib("2026-11-23T22:30:00"), 60, jakarta)).toEqual(wib("2026-11-24T09:00:00"));
  });

  it("skips the weekend", () => {
    expect(addBusinessMinutes(wib("2026-11-27T16:00:00"), 120, jakarta)).toEqual(wib("2026-11-30T09:00:00"));
    expect(addBusinessMinutes(wib("2026-11-28T10:00:00"), 30, jakarta)).toEqual(wib("2026-11-30T08:30:00"));
  });

  it("skips holidays", () => {
    expect(addBusinessMinutes(wib("2026-12-24T16:00:00"), 120, jakarta)).toEqual(wib("2026-12-28T09:00:00"));
  });

  it("ends exactly at closing when the time fits the day", () => {
    expect(addBusinessMinutes(wib("2026-11-23T08:00:00"), 540, jakarta)).toEqual(wib("2026-11-23T17:00:00"));
  });

  it("keeps wall-clock opening hours across a daylight-saving change", () => {
    // Europe/Amsterdam moves from UTC+2 to UTC+1 on Sunday 2026-10-25.
    const amsterdam: BusinessCalendar = { timeZone: "Europe/Amsterdam", hours: WEEKDAYS_8_TO_17, holidays: [] };
    const friday1600 = new Date("2026-10-23T16:00:00+02:00");
    expect(addBusinessMinutes(friday1600, 120, amsterdam)).toEqual(new Date("2026-10-26T09:00:00+01:00"));
  });

  it("refuses a negative duration and an unknown zone", () => {
    expect(() => addBusinessMinutes(new Date(), -1, jakarta)).toThrow(RangeError);
    expect(() => addBusinessMinutes(new Date(), 1, { ...jakarta, timeZone: "Mars/Olympus" })).toThrow(RangeError);
  });

  const instant = fc.date({ min: new Date("2025-01-01T00:00:00Z"), max: new Date("2028-01-01T00:00:00Z"), noInvalidDate: true });
  const minutes = fc.integer({ min: 0, max: 20 * 540 });

  it("never lands inside closed hours", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 20 * 540 }), (from, m) => {
        const due = addBusinessMinutes(from, m, jakarta);
        const local = new Date(due.getTime() + 7 * 3600_000);
        const minuteOfDay = local.getUTCHours() * 60 + local.getUTCMinutes() + local.getUTCSeconds() / 60;
        const weekday = local.getUTCDay();
        return weekday >= 1 && weekday <= 5 && minuteOfDay >= 480 && minuteOfDay <= 1020 && !local.toISOString().startsWith("2026-12-25");
      }),
    );
  });

  it("is monotonic in the minutes added", () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (from, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return addBusinessMinutes(from, lo, jakarta) <= addBusinessMinutes(from, hi, jakarta);
      }),
    );
  });

  it("is the inverse of businessMinutesBetween", () => {
    fc.assert(
      fc.property(instant, minutes, (from, m) => {
        const due = addBusinessMinutes(from, m, jakarta);
        return Math.abs(businessMinutesBetween(from, due, jakarta) - m) < 1e-6;
      }),
    );
  });
});

describe("businessMinutesBetween", () => {
  it("counts only opening hours", () => {
    expect(businessMinutesBetween(wib("2026-11-27T16:00:00"), wib("2026-11-30T09:00:00"), jakarta)).toBe(120);
  });

  it("is zero for an empty or reversed range", () => {
    expect(businessMinutesBetween(wib("2026-11-23T10:00:00"), wib("2026-11-23T10:00:00"), jakarta)).toBe(0);
    expect(businessMinutesBetween(wib("2026-11-23T11:00:00"), wib("2026-11-23T10:00:00"), jakarta)).toBe(0);
  });
});
