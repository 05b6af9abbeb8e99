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

/**
 * Schemas carry message keys, not sentences, so the same schema serves every language
 * and the API; this turns zod's issues into sentences in the reader's language.
 */
export function fieldErrors(error: z.ZodError, t: Translate): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    // The first problem is the one to fix first ("required" rather than also "too short").
    errors[field] ??= [issueMessage(issue, t)];
  }
  return errors;
}

function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  switch (issue.message) {
    case "tooLong":
      return t("errors.tooLong", { max: issue.code === "too_big" ? Number(issue.maximum) : 0 });
    case "tooShort":
      return t("errors.tooShort", { min: issue.code === "too_small" ? Number(issue.minimum) : 0 });
    case "required":
    case "invalidEmail":
    case "invalidPhone":
    case "invalidChoice":
    case "invalidDate":
    case "futureDate":
    case "invalidAmount":
    case "invalidOrderNumber":
    case "unfilledPlaceholder":
    case "controlCharacters":
      return t(`errors.${issue.message}`);
    default:
      return t("errors.invalid");
  }
}
