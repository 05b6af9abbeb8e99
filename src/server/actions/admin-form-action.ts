import "server-only";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { fieldErrors, formValues, type FormState, type Translate } from "@/lib/forms/form-state";
import { ForbiddenError, NotSignedInError, requireRole, type StaffUser } from "@/server/auth/session";

/** A refusal with a sentence for the admin, thrown by the work and shown on the form. */
export class AdminFormRefusal extends Error {
  constructor(
    readonly field: string | null,
    message: string,
  ) {
    super(message);
  }
}

/**
 * For admin forms answered with useActionState: an admin, re-read from the database → the zod
 * schema → the work. Refusals come back with the form's values; anything unexpected is logged
 * and answered generically. `input` builds what the schema reads (e.g. several checkboxes).
 */
export async function runAdminFormAction<S extends z.ZodType, R>(
  schema: S,
  formData: FormData,
  input: (formData: FormData) => unknown,
  run: (data: z.infer<S>, admin: StaffUser, t: Translate) => Promise<R>,
  extraMessages: readonly string[] = [],
): Promise<FormState<R>> {
  const t = (await getTranslations()) as unknown as Translate;
  // Who is asking comes first: nothing the request carries is read before that.
  let admin: StaffUser;
  try {
    admin = await requireRole("ADMIN");
  } catch (error) {
    if (error instanceof NotSignedInError)
      return { status: "error", message: t("protocol.notSignedIn"), fieldErrors: {}, values: {}, code: "notSignedIn" };
    if (error instanceof ForbiddenError)
      return { status: "error", message: t("protocol.forbidden"), fieldErrors: {}, values: {}, code: "forbidden" };
    throw error;
  }
  // A direct call (not through the form) may send anything as the form.
  if (!(formData instanceof FormData))
    return { status: "error", message: t("errors.fixFields"), fieldErrors: {}, values: {}, code: "invalidInput" };
  const values = formValues(formData);
  const parsed = schema.safeParse(input(formData));
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error, t);
    // Messages particular to these forms, under integrations.errors.
    for (const issue of parsed.error.issues) {
      if (extraMessages.includes(issue.message)) errors[String(issue.path[0] ?? "form")] = [t(`integrations.errors.${issue.message}`)];
    }
    return { status: "error", message: t("errors.fixFields"), fieldErrors: errors, values, code: "invalidInput" };
  }
  try {
    return { status: "success", result: await run(parsed.data, admin, t) };
  } catch (error) {
    if (error instanceof AdminFormRefusal) {
      return {
        status: "error",
        message: error.field ? t("errors.fixFields") : error.message,
        fieldErrors: error.field ? { [error.field]: [error.message] } : {},
        values,
        code: "refused",
      };
    }
    console.error("admin action failed", error);
    return { status: "error", message: t("errors.unexpected"), fieldErrors: {}, values, code: "unexpected" };
  }
}
