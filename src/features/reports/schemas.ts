import { z } from "zod";
import { storableString } from "@/lib/forms/storable-string";
import { parseRange, type RangeError, type ReportRange } from "@/domain/reports/date-range";
import type { ReportFilter } from "./report-sql";

// The reports' range and filters live in the URL, so a view can be bookmarked, shared and exported.
// A bad range is an error the page explains; a filter naming nothing we know (a stale link) is dropped,
// and the form then shows it unset, so what is shown is always what was counted.

type SearchParams = Record<string, string | string[] | undefined>;

export interface FilterChoices {
  categoryCodes: readonly string[];
  teamIds: readonly string[];
  agentIds: readonly string[];
}

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const oneOf = (allowed: readonly string[]) =>
  z
    .preprocess(
      (v) => first(v),
      storableString()
        .refine((s) => allowed.includes(s))
        .optional(),
    )
    .catch(undefined);

export function filterSchema(choices: FilterChoices) {
  return z.object({
    category: oneOf(choices.categoryCodes),
    teamId: oneOf(choices.teamIds),
    agentId: oneOf(choices.agentIds),
  });
}

export type ParsedReportParams =
  | { ok: true; range: ReportRange; filter: ReportFilter }
  | { ok: false; error: RangeError; filter: ReportFilter; submitted: { from?: string; to?: string } };

export function parseReportParams(searchParams: SearchParams, choices: FilterChoices, now: Date): ParsedReportParams {
  const params = searchParams ?? {};
  const parsed = filterSchema(choices).parse({ category: params.category, teamId: params.team, agentId: params.agent });
  const filter = Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as ReportFilter;
  const range = parseRange(params, now);
  if (range.ok) return { ok: true, range: range.range, filter };
  const text = (v: unknown) => (typeof first(v) === "string" ? (first(v) as string) : undefined);
  return { ok: false, error: range.error, filter, submitted: { from: text(params.from), to: text(params.to) } };
}

/**
 * The URL query for a range and filters. `exact` names the days (for exports, so a download made
 * after midnight still holds what the page showed); otherwise a preset stays a preset.
 */
export function reportQueryString(
  range: Pick<ReportRange, "from" | "to" | "preset"> | { days: number },
  filter: ReportFilter,
  exact = false,
): string {
  const params = new URLSearchParams();
  if ("days" in range) params.set("days", String(range.days));
  else if (range.preset && !exact) params.set("days", String(range.preset));
  else {
    params.set("from", range.from);
    params.set("to", range.to);
  }
  if (filter.category) params.set("category", filter.category);
  if (filter.teamId) params.set("team", filter.teamId);
  if (filter.agentId) params.set("agent", filter.agentId);
  return `?${params.toString()}`;
}
