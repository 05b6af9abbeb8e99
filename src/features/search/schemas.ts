import { z } from "zod";

// The search lives in the URL (a GET form), so a result list can be bookmarked, shared and gone back to.
// Anything malformed is dropped, never an error: no query shows the empty search, an unknown scope the default.

export const SEARCH_SCOPES = ["all", "open", "closed"] as const;
export type SearchScope = (typeof SEARCH_SCOPES)[number];

/**
 * All, by default: a customer on the phone does not know whether their complaint was closed, and the
 * agent should not have to guess and search twice. Open tickets still come first within each kind of match.
 */
export const DEFAULT_SCOPE: SearchScope = "all";
export const SEARCH_MAX = 200;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export const searchText = z
  .string()
  // Control characters (a NUL above all) are not text PostgreSQL will take.
  .transform((s) =>
    s
      .replace(/[\u0000-\u001f\u007f]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, SEARCH_MAX),
  )
  .pipe(z.string().min(1));

const searchParamsSchema = z.object({
  q: z.preprocess(first, searchText.optional()).catch(undefined),
  scope: z.preprocess(first, z.enum(SEARCH_SCOPES).default(DEFAULT_SCOPE)).catch(DEFAULT_SCOPE),
});

export type SearchRequest = z.infer<typeof searchParamsSchema>;

export function parseSearchParams(searchParams: Record<string, string | string[] | undefined> | undefined): SearchRequest {
  return searchParamsSchema.parse(searchParams ?? {});
}
