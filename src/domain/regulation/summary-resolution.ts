// FCA DISP 1.5.2: a complaint resolved by the close of the third business day after the day it was
// received may be closed with a summary resolution communication instead of a final response.

function localDate(at: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** The last day (YYYY-MM-DD, local) a summary resolution may be sent: the `days`-th business day after receipt. */
export function summaryResolutionLastDay(receivedAt: Date, timeZone: string, holidays: ReadonlySet<string> = new Set(), days = 3): string {
  const day = new Date(`${localDate(receivedAt, timeZone)}T12:00:00Z`);
  let counted = 0;
  while (counted < days) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.has(day.toISOString().slice(0, 10))) counted++;
  }
  return day.toISOString().slice(0, 10);
}

/** Whether `now` is still within the window (until the end of that day, local time). */
export function summaryResolutionOpen(
  receivedAt: Date,
  now: Date,
  timeZone: string,
  holidays: ReadonlySet<string> = new Set(),
  days = 3,
): boolean {
  return localDate(now, timeZone) <= summaryResolutionLastDay(receivedAt, timeZone, holidays, days);
}
