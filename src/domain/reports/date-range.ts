import { DateTime } from "luxon";
import { z } from "zod";

// Reports count whole days as the business lives them: in Jakarta, from local midnight to local
// midnight. A range names its first and last day, both included; as instants it is
// [start of `from`, start of the day after `to`), and the period before it — for trends — is the
// same number of days immediately before `from`.

export const REPORT_TIME_ZONE = "Asia/Jakarta";
export const RANGE_PRESETS = [7, 30, 90, 365] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_PRESET: RangePreset = 30;
/** Two years and a day: enough to compare one year against the one before it, small enough to stay cheap. */
export const MAX_RANGE_DAYS = 731;
/** Nothing in Tanggap predates this; a year like 0203 is a typing slip, not a question. */
export const EARLIEST_DATE = "2000-01-01";

export interface ReportRange {
  /** First and last local day, both included (yyyy-MM-dd). */
  from: string;
  to: string;
  days: number;
  /** The preset this range is (ending today), or null for a custom one. */
  preset: RangePreset | null;
  /** As instants: [start, end). */
  start: Date;
  end: Date;
  /** The period of the same length just before: [previousStart, start). */
  previousStart: Date;
}

export type RangeError = "invalidDate" | "missingDate" | "fromAfterTo" | "future" | "tooLong" | "tooEarly" | "unknownPreset";

export type RangeResult = { ok: true; range: ReportRange } | { ok: false; error: RangeError };

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function localDay(iso: string, zone: string): DateTime | null {
  if (!DAY_PATTERN.test(iso)) return null;
  const day = DateTime.fromISO(iso, { zone });
  // fromISO accepts 2026-02-30 as invalid, which is what we want; round-tripping catches the rest.
  return day.isValid && day.toISODate() === iso ? day.startOf("day") : null;
}

/** Today's date where the business is. */
export function todayIn(now: Date, zone = REPORT_TIME_ZONE): string {
  return DateTime.fromJSDate(now, { zone }).toISODate()!;
}

/** The range of whole local days from `from` to `to`, both included. Inputs must already be valid. */
export function rangeOf(from: string, to: string, today: string, zone = REPORT_TIME_ZONE): ReportRange {
  const first = localDay(from, zone);
  const last = localDay(to, zone);
  if (!first || !last) throw new Error(`Not a date range: ${from}..${to}`);
  const days = Math.round(last.diff(first, "days").days) + 1;
  const preset = to === today ? (RANGE_PRESETS.find((p) => p === days) ?? null) : null;
  return {
    from,
    to,
    days,
    preset,
    start: first.toJSDate(),
    // plus({ days }) in the zone, not 24-hour steps: correct even in zones with daylight saving.
    end: last.plus({ days: 1 }).toJSDate(),
    previousStart: first.minus({ days }).toJSDate(),
  };
}

/** The last `days` days, today included. */
export function presetRange(days: RangePreset, now: Date, zone = REPORT_TIME_ZONE): ReportRange {
  const today = todayIn(now, zone);
  const from = DateTime.fromISO(today, { zone })
    .minus({ days: days - 1 })
    .toISODate()!;
  return rangeOf(from, today, today, zone);
}

// A query parameter: the first value if repeated, trimmed; blank is absent (an emptied date field).
const text = z.preprocess((v) => {
  const first: unknown = Array.isArray(v) ? v[0] : v;
  return typeof first === "string" && first.trim() !== "" ? first.trim() : undefined;
}, z.string().optional());

/**
 * The range a request asks for: `from` and `to` (a custom range), else `days` (a preset), else the
 * default preset. Each way of getting it wrong has its own message.
 */
export function rangeSchema(now: Date, zone = REPORT_TIME_ZONE) {
  const today = todayIn(now, zone);
  return z
    .object({ days: text, from: text, to: text })
    .superRefine((input, ctx) => {
      const fail = (error: RangeError) => ctx.addIssue({ code: "custom", message: error });
      if (input.from === undefined && input.to === undefined) {
        if (input.days !== undefined && !RANGE_PRESETS.some((p) => String(p) === input.days)) fail("unknownPreset");
        return;
      }
      if (input.from === undefined || input.to === undefined) return fail("missingDate");
      const first = localDay(input.from, zone);
      const last = localDay(input.to, zone);
      if (!first || !last) return fail("invalidDate");
      if (input.from < EARLIEST_DATE) return fail("tooEarly");
      if (input.to > today) return fail("future");
      if (input.from > input.to) return fail("fromAfterTo");
      if (last.diff(first, "days").days + 1 > MAX_RANGE_DAYS) return fail("tooLong");
    })
    .transform((input): ReportRange => {
      if (input.from !== undefined && input.to !== undefined) return rangeOf(input.from, input.to, today, zone);
      const days = (RANGE_PRESETS.find((p) => String(p) === input.days) ?? DEFAULT_PRESET) as RangePreset;
      return presetRange(days, now, zone);
    });
}

/** Parses a request's `days` / `from` / `to`; the first error, if any, names what is wrong. */
export function parseRange(params: Record<string, unknown>, now: Date, zone = REPORT_TIME_ZONE): RangeResult {
  const parsed = rangeSchema(now, zone).safeParse({ days: params.days, from: params.from, to: params.to });
  if (parsed.success) return { ok: true, range: parsed.data };
  return { ok: false, error: (parsed.error.issues[0]?.message ?? "invalidDate") as RangeError };
}
