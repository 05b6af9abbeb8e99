import type { z } from "zod";

// The one shape every form action returns to useActionState.
export type FormState<Result = undefined> =
  | { status: "idle" }
  | { status: "error"; message: string; fieldErrors: Record<string, string[]>; values: Record<string, string>; code?: string }
  | { status: "success"; result: Result };

export const IDLE: FormState<never> = { status: "idle" };

/** The submitted text fields, to give back to the form when it is refused. Files are never echoed. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

// Where each issue key a schema may carry is worded. Schemas carry keys, not sentences, so the same
// schema serves every language and the API; a feature's own keys live under its namespace.
const SHARED = [
  "required",
  "invalidEmail",
  "invalidPhone",
  "invalidChoice",
  "invalidDate",
  "futureDate",
  "invalidAmount",
  "invalidNumber",
  "invalidOrderNumber",
  "unfilledPlaceholder",
  "controlCharacters",
];
const ADMIN = [
  "invalidCode",
  "invalidOrder",
  "invalidMinutes",
  "invalidHours",
  "invalidMinutePart",
  "invalidPercent",
  "invalidTimeZone",
  "closesBeforeOpens",
  "halfFilled",
  "invalidTime",
  "noOpenDay",
  "unknownPlaceholder",
  "invalidFieldKey",
  "invalidOptions",
];
const INTEGRATIONS = ["chooseScope", "chooseEvent", "invalidUrl"];
const ISSUE_KEYS: Record<string, string> = {
  ...Object.fromEntries(SHARED.map((k) => [k, `errors.${k}`])),
  ...Object.fromEntries(ADMIN.map((k) => [k, `admin.errors.${k}`])),
  ...Object.fromEntries(INTEGRATIONS.map((k) => [k, `integrations.errors.${k}`])),
  chooseTickets: "bulk.chooseTickets",
  invalidReference: "merge.invalidReference",
};
// Issues that say what is wrong with the whole form better than "fix the fields" does.
const FORM_LEVEL = new Set(["chooseTickets"]);

/** The issues of a refused input, as sentences in the reader's language, one per field: the first to fix. */
export function fieldErrors(error: z.ZodError, t: Translate): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = fieldName(issue.path);
    // The first problem is the one to fix first ("required" rather than also "too short").
    errors[field] ??= [issueMessage(issue, t)];
  }
  return errors;
}

// Groups whose members are separate inputs on a form (`customFields.<key>`), each with its own error.
const NESTED_GROUPS = new Set(["customFields", "scores"]);

function fieldName(path: readonly PropertyKey[]): string {
  const [head, member] = path;
  if (typeof head === "string" && NESTED_GROUPS.has(head) && typeof member === "string") return `${head}.${member}`;
  return String(head ?? "form");
}

/** The form's own line for a refused input. */
export function invalidInputMessage(error: z.ZodError, t: Translate): string {
  const formLevel = error.issues.find((issue) => FORM_LEVEL.has(issue.message));
  return formLevel ? t(ISSUE_KEYS[formLevel.message]!) : t("errors.fixFields");
}

function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  if (issue.message === "tooLong") return t("errors.tooLong", { max: issue.code === "too_big" ? Number(issue.maximum) : 0 });
  if (issue.message === "tooShort") return t("errors.tooShort", { min: issue.code === "too_small" ? Number(issue.minimum) : 0 });
  const key = ISSUE_KEYS[issue.message];
  if (!key) return t("errors.invalid");
  // A refinement may name values for its sentence (e.g. the unknown placeholder).
  const params = issue.code === "custom" ? (issue as { params?: Record<string, string> }).params : undefined;
  return params ? t(key, params) : t(key);
}
