import type { OpeningHours } from "../business-time";

export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const DAY = 24 * 60;

/** One weekday of the grid as an admin types it: both times empty means closed that day. */
export interface WeekdayInput {
  weekday: number;
  opens: string;
  closes: string;
}

export type WeeklyHoursProblem = "invalidTime" | "closesBeforeOpens" | "halfFilled";

export type WeeklyHoursResult =
  { ok: true; hours: OpeningHours[] } | { ok: false; problems: { weekday: number; problem: WeeklyHoursProblem }[]; noOpenDay: boolean };

/** "08:30" → 510; "24:00" is the end of the day. Anything else is null. */
export function parseTimeOfDay(text: string): number | null {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text.trim());
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= DAY ? minutes : null;
}

/**
 * A closing time as a time input shows it: the input has no "24:00", so midnight at the end of the
 * day is "00:00", which parseClosingTime reads back as the end of the day.
 */
export function formatClosingTime(minutes: number): string {
  return formatTimeOfDay(minutes % DAY);
}

/** "17:00" → 1020; "00:00" (and "24:00") as a closing time is midnight at the end of the day. */
export function parseClosingTime(text: string): number | null {
  const minutes = parseTimeOfDay(text);
  return minutes === 0 ? DAY : minutes;
}

export function formatTimeOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/**
 * Turns the weekly grid into opening hours, or says which days to fix. A week with no
 * opening hours at all is refused: every deadline would be unreachable.
 */
export function parseWeeklyHours(days: readonly WeekdayInput[]): WeeklyHoursResult {
  const hours: OpeningHours[] = [];
  const problems: { weekday: number; problem: WeeklyHoursProblem }[] = [];
  for (const day of days) {
    const opens = day.opens.trim();
    const closes = day.closes.trim();
    if (!opens && !closes) continue;
    if (!opens || !closes) {
      problems.push({ weekday: day.weekday, problem: "halfFilled" });
      continue;
    }
    const opensAt = parseTimeOfDay(opens);
    const closesAt = parseClosingTime(closes);
    if (opensAt === null || closesAt === null || opensAt >= DAY) problems.push({ weekday: day.weekday, problem: "invalidTime" });
    else if (closesAt <= opensAt) problems.push({ weekday: day.weekday, problem: "closesBeforeOpens" });
    else hours.push({ weekday: day.weekday, opensAt, closesAt });
  }
  if (problems.length || hours.length === 0) return { ok: false, problems, noOpenDay: problems.length === 0 && hours.length === 0 };
  return { ok: true, hours: hours.sort((a, b) => a.weekday - b.weekday) };
}
