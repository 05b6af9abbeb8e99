import { z } from "zod";
import { PRIORITIES, STAGES } from "@/domain/stages";
import { answerContainment, type CustomFieldDefinition } from "@/domain/custom-fields";
import { searchText } from "@/features/search/schemas";
import { decodeCursor, type QueueCursor } from "./cursor";

// The queue's filters live in the URL, so a view can be bookmarked and the back button works.
// Anything a hand-edited or stale URL carries that we do not understand is dropped, never an error.

export const OPEN_STAGES = STAGES.filter((s) => s !== "CLOSED") as ["NEW", "LISTEN", "UNDERSTAND", "RESOLVE", "APOLOGISE"];

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const param = <T extends z.ZodType>(schema: T) => z.preprocess((v) => blankToUndefined(first(v)), schema.optional()).catch(undefined);
const flag = param(z.enum(["1", "true", "on"]).transform(() => true as const));

export function queueParamsSchema(categoryCodes: readonly string[], fieldKeys: readonly string[] = []) {
  return z.object({
    // Read as the staff search reads it (features/search), whose text query the queue shares.
    q: param(searchText),
    // A person by id too: the supervisor's board links to one agent's late tickets.
    assignee: param(z.union([z.enum(["me", "unassigned"]), z.guid()])),
    // A team by id, or "none" for the tickets of no team.
    team: param(z.union([z.literal("none"), z.guid()])),
    stage: param(z.enum(OPEN_STAGES)),
    category: param(z.string().refine((code) => categoryCodes.includes(code))),
    priority: param(z.enum(PRIORITIES)),
    // A custom field's key and the answer to look for (an option key for a choice).
    field: param(z.string().refine((key) => fieldKeys.includes(key))),
    // Cleaned as search text is: a URL may carry control characters PostgreSQL will not take.
    fieldValue: param(searchText),
    atRisk: flag,
    overdue: flag,
    waiting: flag,
    // What the supervisor's board shows: late (at risk or overdue) or a safety risk, whatever the clock.
    attention: flag,
    // Complaints that came without a category we could trust (by mail), until someone confirms one.
    triage: flag,
    cursor: param(
      z
        .string()
        .transform(decodeCursor)
        .pipe(z.custom<QueueCursor>((c) => c !== null)),
    ),
  });
}

type Parsed = z.infer<ReturnType<typeof queueParamsSchema>>;
export type QueueFilter = Omit<Parsed, "cursor"> & {
  /** The JSONB the ticket's custom-field answers must contain, typed from the field's definition. */
  fieldMatch?: string;
};

/** The filter and page position a request's search params describe; unknown or malformed values are ignored. */
export function parseQueueParams(
  searchParams: SearchParams,
  categoryCodes: readonly string[],
  fields: readonly CustomFieldDefinition[] = [],
): { filter: QueueFilter; cursor: QueueCursor | null } {
  const parsed = queueParamsSchema(
    categoryCodes,
    fields.map((f) => f.key),
  ).safeParse(searchParams ?? {});
  if (!parsed.success) return { filter: {}, cursor: null };
  const { cursor, ...filter } = parsed.data;
  // Keep only what is set, so an empty filter is {} and links stay short.
  const set = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as QueueFilter;
  const field = fields.find((f) => f.key === set.field);
  const match = field && set.fieldValue ? answerContainment(field, set.fieldValue) : null;
  if (match) set.fieldMatch = JSON.stringify(match);
  return { filter: set, cursor: cursor ?? null };
}

/** The URL query of a filter (and optionally a page position), in a stable order; empty for no filter. */
export function queueQueryString(filter: QueueFilter, cursor?: string | null): string {
  const params = new URLSearchParams();
  if (filter.q) params.set("q", filter.q);
  if (filter.assignee) params.set("assignee", filter.assignee);
  if (filter.team) params.set("team", filter.team);
  if (filter.stage) params.set("stage", filter.stage);
  if (filter.category) params.set("category", filter.category);
  if (filter.priority) params.set("priority", filter.priority);
  if (filter.field) params.set("field", filter.field);
  if (filter.fieldValue) params.set("fieldValue", filter.fieldValue);
  if (filter.atRisk) params.set("atRisk", "1");
  if (filter.overdue) params.set("overdue", "1");
  if (filter.waiting) params.set("waiting", "1");
  if (filter.attention) params.set("attention", "1");
  if (filter.triage) params.set("triage", "1");
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function isFiltered(filter: QueueFilter): boolean {
  return Object.values(filter).some((v) => v !== undefined);
}
