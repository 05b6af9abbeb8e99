import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DateTime } from "luxon";
import { WEEKDAYS_8_TO_17, type BusinessCalendar } from "./business-time";
import {
  addCalendarDays,
  addWorkingDays,
  calendarDaysBetween,
  isWorkingDay,
  startOfWorkingDaysBefore,
  workingDaysBetween,
} from "./working-days";
import { SHIPPED_CALENDARS } from "./regulation/calendars";

const calendarOf = (region: keyof typeof SHIPPED_CALENDARS): BusinessCalendar => ({
  timeZone: SHIPPED_CALENDARS[region].timeZone,
  hours: WEEKDAYS_8_TO_17,
  holidays: SHIPPED_CALENDARS[region].holidays.map((h) => h.date),
});
const indonesia = calendarOf("ID");
const england = calendarOf("GB-EAW");
const wib = (local: string) => new Date(`${local}+07:00`);
const endOfWib = (date: string) => wib(`${date}T23:59:59.999`);

describe("addWorkingDays", () => {
  it("skips weekends: 10 working days from a Monday end on the second Monday after", () => {
    expect(addWorkingDays(wib("2026-11-23T10:00:00"), 10, indonesia)).toEqual(endOfWib("2026-12-07"));
  });

  it("skips Idul Fitri and its cuti bersama, and Good Friday", () => {
    // Received on Nyepi (Thu 19 Mar 2026): 20, 23, 24 Mar cuti bersama, 21–22 Idul Fitri on the
    // weekend; 25, 26, 27, 30, 31 Mar, 1, 2 Apr; 3 Apr Good Friday; 6, 7, 8 Apr.
    expect(addWorkingDays(wib("2026-03-19T10:00:00"), 10, indonesia)).toEqual(endOfWib("2026-04-08"));
  });

  it("skips England's Christmas and Boxing Day substitute", () => {
    // 24 Dec; 25 Dec, the weekend and 28 Dec (Boxing Day substitute) off; 29, 30 Dec.
    expect(addWorkingDays(new Date("2026-12-23T12:00:00Z"), 3, england)).toEqual(new Date("2026-12-30T23:59:59.999Z"));
  });

  it("with 0 ends the day itself", () => {
    expect(addWorkingDays(wib("2026-11-23T10:00:00"), 0, indonesia)).toEqual(endOfWib("2026-11-23"));
  });

  it("refuses a negative or fractional count and an unknown zone", () => {
    expect(() => addWorkingDays(new Date(), -1, indonesia)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date(), 1.5, indonesia)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date(), 1, { ...indonesia, timeZone: "Mars/Olympus" })).toThrow(RangeError);
  });

  it("refuses a calendar with no working day", () => {
    expect(() => addWorkingDays(new Date(), 1, { ...indonesia, hours: [] })).toThrow(RangeError);
  });
});

describe("calendar days and the warning point", () => {
  it("counts calendar days in the calendar's zone", () => {
    expect(addCalendarDays(new Date("2026-12-23T10:00:00Z"), 56, "Europe/London")).toEqual(new Date("2027-02-17T23:59:59.999Z"));
    expect(calendarDaysBetween(new Date("2026-12-23T10:00:00Z"), new Date("2027-02-17T23:59:59.999Z"), "Europe/London")).toBe(56);
  });

  it("warns at the start of the n-th working day counted back from the deadline's day", () => {
    expect(startOfWorkingDaysBefore(endOfWib("2026-04-08"), 2, indonesia)).toEqual(wib("2026-04-07T00:00:00"));
    // From a Saturday deadline the count starts on the Friday.
    expect(startOfWorkingDaysBefore(endOfWib("2026-11-28"), 1, indonesia)).toEqual(wib("2026-11-27T00:00:00"));
  });
});

describe("working-day arithmetic, for any moment and count", () => {
  const instant = fc.date({ min: new Date("2025-06-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true });
  const count = fc.integer({ min: 0, max: 60 });
  const calendars = fc.constantFrom(indonesia, england, calendarOf("AU"));

  it("counts back what it added", () => {
    fc.assert(fc.property(instant, count, calendars, (from, n, cal) => workingDaysBetween(from, addWorkingDays(from, n, cal), cal) === n));
  });

  it("adds in steps as at once", () => {
    fc.assert(
      fc.property(instant, count, count, calendars, (from, a, b, cal) => {
        return addWorkingDays(addWorkingDays(from, a, cal), b, cal).getTime() === addWorkingDays(from, a + b, cal).getTime();
      }),
    );
  });

  it("ends on a working day, at the end of it, and never earlier for a longer span", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 60 }), calendars, (from, n, cal) => {
        const due = DateTime.fromJSDate(addWorkingDays(from, n, cal), { zone: cal.timeZone });
        const longer = addWorkingDays(from, n + 1, cal);
        return isWorkingDay(due.startOf("day"), cal) && due.hour === 23 && due.minute === 59 && longer > due.toJSDate();
      }),
    );
  });

  it("warns no later than the deadline, on a working day", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 5 }), calendars, (from, n, w, cal) => {
        const due = addWorkingDays(from, n, cal);
        const warn = startOfWorkingDaysBefore(due, w, cal);
        return warn < due && isWorkingDay(DateTime.fromJSDate(warn, { zone: cal.timeZone }), cal);
      }),
    );
  });
});
