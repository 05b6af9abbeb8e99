import { DateTime } from "luxon";
import type { BusinessCalendar } from "./business-time";

// Working-day arithmetic for regulatory deadlines, which regulators state in days, not hours: "10
// working days after the complaint is received". On the calendar's own days (its time zone, its
// weekly hours and holidays, as in ./business-time.ts):
//  - a working day is a local date with opening hours that is not a holiday;
//  - the day something happens does not count; a span of n working days ends at the very end
//    (23:59:59.999 local) of the n-th working day after it;
//  - `workingDaysBetween(a, b)` counts the working days after a's date up to and including b's,
//    so `workingDaysBetween(a, addWorkingDays(a, n)) === n`.

// Far enough for any regulatory span (a year of working days on a one-day-a-week calendar).
const MAX_DAYS_SCANNED = 3 * 366;

const closedCalendar = () => new RangeError("The business calendar has no working day in the next three years.");

function localDay(moment: Date, calendar: BusinessCalendar): DateTime {
  const day = DateTime.fromJSDate(moment, { zone: calendar.timeZone });
  if (!day.isValid) throw new RangeError(`Unknown time zone: ${calendar.timeZone}`);
  return day.startOf("day");
}

/** True when the local date (yyyy-MM-dd) is a working day of the calendar. */
export function isWorkingDay(date: DateTime, calendar: BusinessCalendar, holidays?: ReadonlySet<string>): boolean {
  const iso = date.toISODate() ?? "";
  if ((holidays ?? new Set(calendar.holidays)).has(iso)) return false;
  return calendar.hours.some((h) => h.weekday === date.weekday && h.closesAt > h.opensAt);
}

function endOfDay(day: DateTime): Date {
  return day.endOf("day").toJSDate();
}

/**
 * The end (23:59:59.999 local) of the `days`-th working day after the day of `from`; with 0, the
 * end of `from`'s own day. Throws a RangeError for a negative or fractional count.
 */
export function addWorkingDays(from: Date, days: number, calendar: BusinessCalendar): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError("days must be a non-negative integer");
  const holidays = new Set(calendar.holidays);
  let day = localDay(from, calendar);
  let left = days;
  for (let i = 0; left > 0; i++) {
    if (i > MAX_DAYS_SCANNED * Math.max(1, Math.ceil(days / 200))) throw closedCalendar();
    day = day.plus({ days: 1 }).startOf("day");
    if (isWorkingDay(day, calendar, holidays)) left--;
  }
  return endOfDay(day);
}

/** The working days after `from`'s local date up to and including `to`'s (0 when `to` is not later). */
export function workingDaysBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  const holidays = new Set(calendar.holidays);
  const last = localDay(to, calendar);
  let day = localDay(from, calendar).plus({ days: 1 }).startOf("day");
  let count = 0;
  while (day <= last) {
    if (isWorkingDay(day, calendar, holidays)) count++;
    day = day.plus({ days: 1 }).startOf("day");
  }
  return count;
}

/** The end (23:59:59.999 local) of the day `days` calendar days after `from`'s local date. */
export function addCalendarDays(from: Date, days: number, timeZone: string): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError("days must be a non-negative integer");
  const day = DateTime.fromJSDate(from, { zone: timeZone });
  if (!day.isValid) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return endOfDay(day.startOf("day").plus({ days }));
}

/** Calendar days after `from`'s local date up to and including `to`'s (0 when `to` is not later). */
export function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  const a = DateTime.fromJSDate(from, { zone: timeZone }).startOf("day");
  const b = DateTime.fromJSDate(to, { zone: timeZone }).startOf("day");
  return Math.max(0, Math.round(b.diff(a, "days").days));
}

/**
 * The start (00:00 local) of the `days`-th working day counted back from `deadline`'s day, that day
 * included when it is a working day: with 1, the morning of the last working day before the
 * deadline runs out. Used for the warning before a regulatory deadline.
 */
export function startOfWorkingDaysBefore(deadline: Date, days: number, calendar: BusinessCalendar): Date {
  if (!Number.isInteger(days) || days < 1) throw new RangeError("days must be a positive integer");
  const holidays = new Set(calendar.holidays);
  let day = localDay(deadline, calendar);
  let left = days;
  for (let i = 0; i <= MAX_DAYS_SCANNED; i++, day = day.minus({ days: 1 }).startOf("day")) {
    if (isWorkingDay(day, calendar, holidays) && --left === 0) return day.toJSDate();
  }
  throw closedCalendar();
}
