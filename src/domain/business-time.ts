import { DateTime } from "luxon";

/** Opening hours for one ISO weekday (1 = Monday … 7 = Sunday), in minutes after local midnight. */
export interface OpeningHours {
  weekday: number;
  opensAt: number;
  closesAt: number;
}

export interface BusinessCalendar {
  /** IANA zone, e.g. Asia/Jakarta. */
  timeZone: string;
  hours: readonly OpeningHours[];
  /** Local dates (yyyy-MM-dd) on which the business is closed all day. */
  holidays: readonly string[];
}

interface Interval {
  start: DateTime;
  end: DateTime;
}

// Far enough for any realistic target (a year of a one-day-a-week calendar),
// and a guard against a calendar with no opening hours at all.
const MAX_DAYS_SCANNED = 3 * 366;

// Not a refusal anyone can act on: the admin forms refuse a calendar with no open day, so this is a
// broken invariant, thrown like the other bad-argument errors here.
const closedCalendar = () => new RangeError("The business calendar has no opening hours in the next three years.");

/** The opening intervals of one local day, in order; empty on holidays and closed days. */
function openIntervals(day: DateTime, calendar: BusinessCalendar, holidays: ReadonlySet<string>): Interval[] {
  if (holidays.has(day.toISODate() ?? "")) return [];
  return calendar.hours
    .filter((h) => h.weekday === day.weekday && h.closesAt > h.opensAt)
    .map((h) => ({ start: atMinuteOfDay(day, h.opensAt), end: atMinuteOfDay(day, h.closesAt) }))
    .sort((a, b) => a.start.toMillis() - b.start.toMillis());
}

// Wall-clock time on that day: 09:00 stays 09:00 across a daylight-saving change.
function atMinuteOfDay(day: DateTime, minuteOfDay: number): DateTime {
  if (minuteOfDay >= 24 * 60) return day.plus({ days: 1 }).startOf("day");
  return day.set({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60, second: 0, millisecond: 0 });
}

function* businessIntervalsFrom(from: Date, calendar: BusinessCalendar): Generator<Interval> {
  const holidays = new Set(calendar.holidays);
  const origin = DateTime.fromJSDate(from, { zone: calendar.timeZone });
  if (!origin.isValid) throw new RangeError(`Unknown time zone: ${calendar.timeZone}`);
  let day = origin.startOf("day");
  for (let i = 0; i < MAX_DAYS_SCANNED; i++, day = day.plus({ days: 1 }).startOf("day")) {
    for (const interval of openIntervals(day, calendar, holidays)) {
      if (interval.end <= origin) continue;
      yield { start: interval.start < origin ? origin : interval.start, end: interval.end };
    }
  }
  throw closedCalendar();
}

/**
 * The moment `minutes` business minutes after `from`. Time outside opening hours does
 * not count, so a deadline always falls inside (or at the close of) opening hours.
 */
export function addBusinessMinutes(from: Date, minutes: number, calendar: BusinessCalendar): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError("minutes must be a non-negative number");
  let remainingMs = minutes * 60_000;
  for (const { start, end } of businessIntervalsFrom(from, calendar)) {
    const available = end.toMillis() - start.toMillis();
    if (remainingMs <= available) return new Date(start.toMillis() + remainingMs);
    remainingMs -= available;
  }
  throw closedCalendar();
}

/**
 * The opening intervals between two moments, clipped to them, in order. What business time between
 * them is made of; bulk work that cannot call the calendar per row (a backfill in SQL) reads these.
 */
export function openIntervalsBetween(from: Date, to: Date, calendar: BusinessCalendar): { start: Date; end: Date }[] {
  const holidays = new Set(calendar.holidays);
  const origin = DateTime.fromJSDate(from, { zone: calendar.timeZone });
  if (!origin.isValid) throw new RangeError(`Unknown time zone: ${calendar.timeZone}`);
  const intervals: { start: Date; end: Date }[] = [];
  for (let day = origin.startOf("day"); day.toMillis() < to.getTime(); day = day.plus({ days: 1 }).startOf("day")) {
    for (const interval of openIntervals(day, calendar, holidays)) {
      const start = Math.max(interval.start.toMillis(), from.getTime());
      const end = Math.min(interval.end.toMillis(), to.getTime());
      if (end > start) intervals.push({ start: new Date(start), end: new Date(end) });
    }
  }
  return intervals;
}

/** Business minutes elapsed between two moments (0 when `to` is not after `from`). */
export function businessMinutesBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  let ms = 0;
  for (const { start, end } of openIntervalsBetween(from, to, calendar)) ms += end.getTime() - start.getTime();
  return ms / 60_000;
}

/** Monday to Friday, 08:00–17:00: the default calendar's hours. */
export const WEEKDAYS_8_TO_17: readonly OpeningHours[] = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  opensAt: 8 * 60,
  closesAt: 17 * 60,
}));
