import { named } from "@/i18n/named";

// Custom fields: questions an admin adds to a category's complaints. Definitions change over time
// (options retired, fields archived) while the answers stored on tickets stay as they were given,
// so everything that shows an answer reads it through `describeAnswer`, which never drops a value
// it no longer offers.

export const CUSTOM_FIELD_TYPES = ["TEXT", "NUMBER", "DATE", "CHOICE", "MULTI_CHOICE"] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** The answer's key in the ticket's JSON, the API, the queue filter and the CSV column. */
export const CUSTOM_FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;
export const CHOICE_KEY_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;

export const TEXT_ANSWER_MAX = 500;

export interface CustomFieldOption {
  key: string;
  labelEn: string;
  labelId: string;
  /** No longer offered; answers that chose it keep it and show it marked as retired. */
  retired: boolean;
}

export interface CustomFieldDefinition {
  key: string;
  categoryCode: string;
  type: CustomFieldType;
  labelEn: string;
  labelId: string;
  options: CustomFieldOption[];
  customerFacing: boolean;
  required: boolean;
  sortOrder: number;
  archived: boolean;
}

/** What a ticket stores per field key: text, a date (YYYY-MM-DD) or an option key; a number; option keys. */
export type CustomFieldAnswer = string | number | string[];
export type CustomFieldAnswers = Record<string, CustomFieldAnswer>;

export type Audience = "customer" | "staff";

export const isChoice = (type: CustomFieldType) => type === "CHOICE" || type === "MULTI_CHOICE";

/**
 * The fields a person fills for a category, in order: customers only the customer-facing ones,
 * staff only the internal ones (the customer's answers are theirs and are shown, not edited).
 * Archived fields are never asked again.
 */
export function fieldsToFill(definitions: readonly CustomFieldDefinition[], categoryCode: string, audience: Audience) {
  return definitions
    .filter((d) => d.categoryCode === categoryCode && !d.archived && d.customerFacing === (audience === "customer"))
    .sort((a, b) => a.sortOrder - b.sortOrder || a.key.localeCompare(b.key));
}

/** The options still offered for new answers. */
export const activeOptions = (definition: CustomFieldDefinition) => definition.options.filter((o) => !o.retired);

export interface DescribedAnswer {
  key: string;
  label: string;
  /** The answer in words: option labels (the option key when the option is gone entirely), the number, the date. */
  values: { text: string; retired: boolean }[];
  customerFacing: boolean;
  archived: boolean;
}

/**
 * The answers a ticket holds, labelled for a reader, in the definitions' order. An answer to an
 * archived field or with a retired option is still shown (marked); an answer whose field is gone
 * from the definitions altogether is shown under its key. Customers see customer-facing ones only.
 */
export function describeAnswers(
  definitions: readonly CustomFieldDefinition[],
  answers: CustomFieldAnswers,
  locale: string,
  audience: Audience,
): DescribedAnswer[] {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const ordered = [...definitions].sort((a, b) => a.sortOrder - b.sortOrder || a.key.localeCompare(b.key));
  const keys = [
    ...ordered.map((d) => d.key),
    ...Object.keys(answers)
      .filter((k) => !byKey.has(k))
      .sort(),
  ];
  const described: DescribedAnswer[] = [];
  for (const key of keys) {
    const answer = answers[key];
    if (answer === undefined || answer === "" || (Array.isArray(answer) && answer.length === 0)) continue;
    const definition = byKey.get(key);
    if (!definition) {
      // Only staff see what no definition vouches for.
      if (audience === "staff") described.push({ key, label: key, values: plainValues(answer), customerFacing: false, archived: true });
      continue;
    }
    if (audience === "customer" && !definition.customerFacing) continue;
    described.push({
      key,
      label: named(definition, locale),
      values: isChoice(definition.type) ? choiceValues(definition, answer, locale) : plainValues(answer),
      customerFacing: definition.customerFacing,
      archived: definition.archived,
    });
  }
  return described;
}

function plainValues(answer: CustomFieldAnswer) {
  return (Array.isArray(answer) ? answer : [answer]).map((v) => ({ text: String(v), retired: false }));
}

function choiceValues(definition: CustomFieldDefinition, answer: CustomFieldAnswer, locale: string) {
  const options = new Map(definition.options.map((o) => [o.key, o]));
  return (Array.isArray(answer) ? answer : [String(answer)]).map((key) => {
    const option = options.get(key);
    return option ? { text: named(option, locale), retired: option.retired } : { text: key, retired: true };
  });
}

/** One answer as a CSV cell: option keys for choices (stable, whatever the labels say), joined by "; ". */
export function answerCell(answer: CustomFieldAnswer | undefined): string {
  if (answer === undefined) return "";
  return Array.isArray(answer) ? answer.join("; ") : String(answer);
}

/**
 * The JSONB containment that finds tickets with this answer: a multiple choice holds the option
 * among others, any other field holds exactly the value. Typed from the definition, so "5" finds
 * the number 5.
 */
export function answerContainment(definition: CustomFieldDefinition, value: string): CustomFieldAnswers | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  if (definition.type === "MULTI_CHOICE") return { [definition.key]: [trimmed] };
  if (definition.type === "NUMBER") {
    const n = Number(trimmed);
    return Number.isFinite(n) ? { [definition.key]: n } : null;
  }
  return { [definition.key]: trimmed };
}

/**
 * Checks an admin's edit of a field's options against what was there: an option once offered is
 * never dropped (answers may name it), only retired; keys stay unique.
 */
export function mergeOptions(previous: readonly CustomFieldOption[], next: readonly CustomFieldOption[]): CustomFieldOption[] {
  const merged = new Map<string, CustomFieldOption>();
  for (const option of next) if (!merged.has(option.key)) merged.set(option.key, option);
  for (const option of previous) if (!merged.has(option.key)) merged.set(option.key, { ...option, retired: true });
  return [...merged.values()];
}

/** A refused form's echoed custom answers (`customFields.<key>`), back by key for its inputs. */
export function echoedAnswers(values: Record<string, string>): Record<string, string> {
  const prefix = "customFields.";
  return Object.fromEntries(Object.entries(values).flatMap(([k, v]) => (k.startsWith(prefix) ? [[k.slice(prefix.length), v]] : [])));
}
