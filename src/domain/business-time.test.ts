import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addBusinessMinutes, businessMinutesBetween, openIntervalsBetween, WEEKDAYS_8_TO_17, type BusinessCalendar } from "./business-time";

const jakarta: BusinessCalendar = { timeZone: "Asia/Jakarta", hours: WEEKDAYS_8_TO_17, holidays: ["2026-12-25"] };
// Jakarta is UTC+7 all year: 2026-11-23 is a Monday.
const wib = (local: string) => new Date(`${local}+07:00`);

const instant = fc.date({ min: new Date("2025-01-01T00:00:00Z"), max: new Date("2028-01-01T00:00:00Z"), noInvalidDate: true });
const minutes = fc.integer({ min: 0, max: 20 * 540 });

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

describe("openIntervalsBetween", () => {
  it("lists each opening interval, clipped to the range, skipping the weekend and holidays", () => {
    expect(openIntervalsBetween(wib("2026-12-24T16:00:00"), wib("2026-12-28T09:30:00"), jakarta)).toEqual([
      { start: wib("2026-12-24T16:00:00"), end: wib("2026-12-24T17:00:00") },
      { start: wib("2026-12-28T08:00:00"), end: wib("2026-12-28T09:30:00") },
    ]);
  });

  it("keeps wall-clock opening hours across a daylight-saving change", () => {
    const london: BusinessCalendar = { timeZone: "Europe/London", hours: WEEKDAYS_8_TO_17, holidays: [] };
    // 2026-03-27 is a Friday in GMT; 2026-03-30 a Monday in BST.
    expect(openIntervalsBetween(new Date("2026-03-27T16:00:00Z"), new Date("2026-03-30T08:00:00Z"), london)).toEqual([
      { start: new Date("2026-03-27T16:00:00Z"), end: new Date("2026-03-27T17:00:00Z") },
      { start: new Date("2026-03-30T07:00:00Z"), end: new Date("2026-03-30T08:00:00Z") },
    ]);
  });

  it("gives ordered, disjoint intervals inside the range whose business time adds up across any split", () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (from, a, b) => {
        const middle = new Date(from.getTime() + a * 60_000);
        const to = new Date(middle.getTime() + b * 60_000);
        const intervals = openIntervalsBetween(from, to, jakarta);
        const ordered = intervals.every(
          (i, k) => i.start < i.end && i.start >= from && i.end <= to && (k === 0 || intervals[k - 1]!.end <= i.start),
        );
        const whole = businessMinutesBetween(from, to, jakarta);
        const split = businessMinutesBetween(from, middle, jakarta) + businessMinutesBetween(middle, to, jakarta);
        return ordered && Math.abs(whole - split) < 1e-9;
      }),
    );
  });
});
