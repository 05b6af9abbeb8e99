import { z } from "zod";
import { parseRange, type RangeError, type ReportRange } from "@/domain/reports/date-range";
import { REGIME_CODES, type RegimeCode } from "@/domain/regulation/regimes";

// The register's filters and the returns' period live in the URL, as the reports' do (one range
// parser for all of them), so a view can be bookmarked, shared and downloaded as it is shown. A
// filter naming nothing we know (a stale link) is dropped and shown unset.

type SearchParams = Record<string, string | string[] | undefined>;

export const OUTCOMES = ["UPHELD", "PARTLY_UPHELD", "NOT_UPHELD"] as const;
export const REGISTER_STATUSES = ["open", "closed"] as const;
export const RETURN_KINDS = ["ojk", "fca", "asic"] as const;
export type ReturnKind = (typeof RETURN_KINDS)[number];

export interface RegisterFilter {
  start: Date;
  end: Date;
  category?: string;
  regime?: RegimeCode;
  status?: (typeof REGISTER_STATUSES)[number];
  outcome?: (typeof OUTCOMES)[number];
  breached?: boolean;
  external?: boolean;
}

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const oneOf = <T extends string>(allowed: readonly T[]) => z.preprocess(first, z.enum(allowed as [T, ...T[]]).optional()).catch(undefined);
const flag = z.preprocess(first, z.literal("1").optional()).catch(undefined);

export function registerFilterSchema(categoryCodes: readonly string[]) {
  return z.object({
    category: z
      .preprocess(
        first,
        z
          .string()
          .refine((s) => categoryCodes.includes(s))
          .optional(),
      )
      .catch(undefined),
    regime: oneOf(REGIME_CODES),
    status: oneOf(REGISTER_STATUSES),
    outcome: oneOf(OUTCOMES),
    breached: flag,
    external: flag,
    before: z.preprocess(first, z.coerce.number().int().positive().optional()).catch(undefined),
  });
}

export type ParsedRegisterParams =
  { ok: true; range: ReportRange; filter: RegisterFilter; before?: number } | { ok: false; error: RangeError };

export function parseRegisterParams(params: SearchParams, categoryCodes: readonly string[], now: Date): ParsedRegisterParams {
  const range = parseRange(params ?? {}, now);
  if (!range.ok) return { ok: false, error: range.error };
  const f = registerFilterSchema(categoryCodes).parse(params ?? {});
  return {
    ok: true,
    range: range.range,
    before: f.before,
    filter: {
      start: range.range.start,
      end: range.range.end,
      category: f.category,
      regime: f.regime,
      status: f.status,
      outcome: f.outcome,
      breached: f.breached === "1" || undefined,
      external: f.external === "1" || undefined,
    },
  };
}

/** The query string of a register view (without the page cursor): what its CSV link and its pages keep. */
export function registerQueryString(range: Pick<ReportRange, "from" | "to">, filter: RegisterFilter, before?: number): string {
  const params = new URLSearchParams({ from: range.from, to: range.to });
  if (filter.category) params.set("category", filter.category);
  if (filter.regime) params.set("regime", filter.regime);
  if (filter.status) params.set("status", filter.status);
  if (filter.outcome) params.set("outcome", filter.outcome);
  if (filter.breached) params.set("breached", "1");
  if (filter.external) params.set("external", "1");
  if (before !== undefined) params.set("before", String(before));
  return `?${params.toString()}`;
}
