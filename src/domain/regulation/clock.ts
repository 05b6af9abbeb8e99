import type { BusinessCalendar } from "../business-time";
import { DomainError } from "../errors";
import { addCalendarDays, addWorkingDays, calendarDaysBetween, startOfWorkingDaysBefore, workingDaysBetween } from "../working-days";
import { REGIMES, type Regime, type RegimeCode, type Span } from "./regimes";

// The regulatory clock of one complaint, beside the per-stage SLA: a deadline for the final
// response set when the complaint is filed, from the regime of its category. It never resets when
// the stage changes; it pauses only while the complaint waits on the customer for what it lacks,
// and only under a regime that counts from a complete complaint; one extension at most.

export const CHANNELS = ["WEB", "EMAIL", "API", "PHONE", "IN_PERSON"] as const;
export type Channel = (typeof CHANNELS)[number];

/** A complaint made by voice (OJK's "lisan"): by phone or in person. The rest are written. */
export function isSpoken(channel: Channel): boolean {
  return channel === "PHONE" || channel === "IN_PERSON";
}

/** An admin's values for the numbers a regime leaves to the firm (RegimeSetting); null keeps the default. */
export interface RegimeOverrides {
  warnBeforeDays?: number | null;
  acknowledgeDays?: number | null;
  countsFromComplete?: boolean | null;
}

/** The regime as it applies here: the shipped numbers with the admin's policy choices over them. */
export function effectiveRegime(code: RegimeCode, overrides: RegimeOverrides | null = null): Regime {
  const base = REGIMES[code];
  if (!overrides) return base;
  return {
    ...base,
    warnBefore: overrides.warnBeforeDays != null ? { ...base.warnBefore, days: overrides.warnBeforeDays } : base.warnBefore,
    acknowledge:
      base.acknowledge?.policy && overrides.acknowledgeDays != null
        ? { ...base.acknowledge, days: overrides.acknowledgeDays }
        : base.acknowledge,
    countsFromComplete:
      base.countsFromComplete !== undefined && overrides.countsFromComplete != null
        ? overrides.countsFromComplete
        : base.countsFromComplete,
  };
}

/**
 * What a complaint is about, where its regime answers it on another span: FCA DISP 1.6.2AR answers a
 * complaint about payment services (or e-money) within 15 business days, 35 with a holding reply.
 */
export interface ComplaintKind {
  paymentServices?: boolean;
}

/** The span the final response must come within, for a complaint that came this way; null: no clock. */
export function finalResponseSpan(regime: Regime, channel: Channel, kind: ComplaintKind = {}): Span | null {
  if (kind.paymentServices && regime.paymentServices) return regime.paymentServices.finalResponse;
  if (isSpoken(channel) && regime.finalResponseSpoken) return regime.finalResponseSpoken;
  return regime.finalResponse ?? null;
}

/** The calendar's refusal, for a regime that counts working days on a calendar nobody set up. */
export function regimeWithoutCalendar(regime: Regime): DomainError<"adminRefused"> {
  return new DomainError(
    "adminRefused",
    { code: "regimeWithoutCalendar", field: "regime", values: { regime: regime.code, calendar: regime.calendar ?? "" } },
    `The regime ${regime.code} counts on the ${regime.calendar} calendar, which is not set up.`,
  );
}

function requireCalendar(regime: Regime, calendar: BusinessCalendar | null): BusinessCalendar {
  if (!calendar) throw regimeWithoutCalendar(regime);
  return calendar;
}

/** `from` plus the span, on the regime's calendar (working days) or in its time zone (calendar days). */
export function addSpan(from: Date, span: Span, calendar: BusinessCalendar): Date {
  return span.unit === "working" ? addWorkingDays(from, span.days, calendar) : addCalendarDays(from, span.days, calendar.timeZone);
}

/** Days of the span's unit after `from`'s date up to and including `to`'s. */
export function spanDaysBetween(from: Date, to: Date, unit: Span["unit"], calendar: BusinessCalendar): number {
  return unit === "working" ? workingDaysBetween(from, to, calendar) : calendarDaysBetween(from, to, calendar.timeZone);
}

export interface RegulatoryDeadline {
  dueAt: Date;
  warnAt: Date;
}

/** The moment staff are warned: the start of the regime's `warnBefore` working days before the deadline. */
export function warningPoint(regime: Regime, dueAt: Date, calendar: BusinessCalendar): Date {
  return startOfWorkingDaysBefore(dueAt, Math.max(1, regime.warnBefore.days), calendar);
}

/**
 * The deadline of a complaint received at `receivedAt` by `channel`, and its warning point; null
 * under a regime with no final-response deadline (NONE). Refuses a regime whose calendar is missing.
 */
export function regulatoryDeadline(
  regime: Regime,
  channel: Channel,
  receivedAt: Date,
  calendar: BusinessCalendar | null,
  kind: ComplaintKind = {},
): RegulatoryDeadline | null {
  const span = finalResponseSpan(regime, channel, kind);
  if (!span) return null;
  const cal = requireCalendar(regime, calendar);
  const dueAt = addSpan(receivedAt, span, cal);
  return { dueAt, warnAt: warningPoint(regime, dueAt, cal) };
}

/** True when the regime lets the clock stop while the customer is asked for what the complaint lacks. */
export function pausesWhileIncomplete(regime: Regime): boolean {
  return regime.countsFromComplete === true;
}

/**
 * The deadline after a pause from `pausedAt` to `resumedAt`: the days of the span's unit the
 * customer held the complaint (after the day it paused, up to and including the day it resumed:
 * the complaint counts as complete from that day) are added to it.
 */
export function resumedDeadline(
  regime: Regime,
  channel: Channel,
  dueAt: Date,
  pausedAt: Date,
  resumedAt: Date,
  calendar: BusinessCalendar | null,
  kind: ComplaintKind = {},
): RegulatoryDeadline {
  const cal = requireCalendar(regime, calendar);
  const unit = finalResponseSpan(regime, channel, kind)?.unit ?? "working";
  const held = spanDaysBetween(pausedAt, resumedAt, unit, cal);
  const moved = addSpan(dueAt, { days: held, unit }, cal);
  return { dueAt: moved, warnAt: warningPoint(regime, moved, cal) };
}

export type ExtensionRefusal = "noClock" | "noExtension" | "extensionUsed" | "deadlinePassed" | "reasonMissing";

/**
 * How a regime lets the deadline move, with notice to the customer before it passes: OJK's (and
 * BI's) extension adds its span to the first deadline; FCA's holding reply for a payment-services
 * complaint moves it to 35 business days after receipt. The regime decides the letter and the span.
 */
export interface ExtensionRule {
  letterKind: "EXTENSION" | "HOLDING_REPLY";
  span: Span;
  /** Counted on from the first deadline, or from receipt. */
  from: "deadline" | "receipt";
  max: number;
}

/** The rule that moves this complaint's deadline under its regime; null where none may. */
export function extensionRule(regime: Regime, kind: ComplaintKind = {}): ExtensionRule | null {
  if (kind.paymentServices && regime.paymentServices)
    return { letterKind: "HOLDING_REPLY", span: regime.paymentServices.exceptional, from: "receipt", max: 1 };
  if (regime.extension && regime.extension.max > 0)
    return { letterKind: "EXTENSION", span: regime.extension, from: "deadline", max: regime.extension.max };
  return null;
}

export interface ExtensionRequest {
  dueAt: Date | null;
  extensions: number;
  reason: string;
  now: Date;
  /** When the complaint was received: a rule counted from receipt (FCA's holding reply) needs it. */
  receivedAt?: Date;
  kind?: ComplaintKind;
}

/**
 * Whether the deadline may be extended now, and to when, by the regime's extension rule (above):
 * refused with no running clock, under a regime with no rule for this complaint, beyond the rule's
 * `max`, once the deadline has passed (notice must reach the customer before it), or without a reason.
 */
export function extensionFor(
  regime: Regime,
  request: ExtensionRequest,
  calendar: BusinessCalendar | null,
): { ok: true; dueAt: Date; warnAt: Date; letterKind: ExtensionRule["letterKind"] } | { ok: false; refusal: ExtensionRefusal } {
  if (!request.dueAt) return { ok: false, refusal: "noClock" };
  const rule = extensionRule(regime, request.kind);
  if (!rule) return { ok: false, refusal: "noExtension" };
  if (request.extensions >= rule.max) return { ok: false, refusal: "extensionUsed" };
  if (request.now.getTime() > request.dueAt.getTime()) return { ok: false, refusal: "deadlinePassed" };
  if (request.reason.trim() === "") return { ok: false, refusal: "reasonMissing" };
  const cal = requireCalendar(regime, calendar);
  const from = rule.from === "receipt" ? request.receivedAt : request.dueAt;
  if (!from) throw new Error("An extension counted from receipt needs the date the complaint was received");
  const dueAt = addSpan(from, rule.span, cal);
  return { ok: true, dueAt, warnAt: warningPoint(regime, dueAt, cal), letterKind: rule.letterKind };
}
