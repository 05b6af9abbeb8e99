import "server-only";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { fieldErrors, formValues, type FormState, type Translate } from "@/lib/forms/form-state";
import { ForbiddenError, NotSignedInError, requireRole } from "@/server/auth/session";
import { AdminForbiddenError, AdminRefusal, type AdminActor } from "./admin-change";

export type AdminActionState = FormState<{ message: string }>;

// Issue keys this feature's schemas add to the shared ones (lib/forms/form-state.ts).
const ADMIN_ISSUES = new Set([
  "invalidCode",
  "invalidOrder",
  "invalidMinutes",
  "invalidPercent",
  "invalidTimeZone",
  "closesBeforeOpens",
  "halfFilled",
  "invalidTime",
  "noOpenDay",
  "unknownPlaceholder",
]);

function adminFieldErrors(error: z.ZodError, t: Translate): Record<string, string[]> {
  const errors = fieldErrors(error, t);
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (seen.has(field)) continue;
    seen.add(field);
    if (ADMIN_ISSUES.has(issue.message)) {
      const params = issue.code === "custom" ? ((issue as { params?: Record<string, string> }).params ?? {}) : {};
      errors[field] = [t(`admin.errors.${issue.message}`, params)];
    }
  }
  return errors;
}

/**
 * Every /admin action: an admin signed in now (re-read from the database), well-formed input,
 * then the command — which checks once more, inside its transaction. Expected refusals come
 * back in the admin's language, on the field to fix; anything else is logged, never echoed.
 */
export async function runAdminAction<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  run: (actor: AdminActor, input: z.infer<S>) => Promise<unknown>,
  done: { message: string; revalidate: string },
): Promise<AdminActionState> {
  const t = await getTranslations();
  let actor: AdminActor;
  try {
    actor = { id: (await requireRole("ADMIN")).id };
  } catch (error) {
    const code = error instanceof NotSignedInError ? "notSignedIn" : error instanceof ForbiddenError ? "forbidden" : null;
    if (!code) throw error;
    return { status: "error", message: t(`protocol.${code}`), fieldErrors: {}, values: {}, code };
  }
  const values = formValues(formData);
  // Passwords are never sent back to the browser.
  for (const key of Object.keys(values)) if (key.toLowerCase().includes("password")) delete values[key];
  const refuse = (message: string, code: string, errors: Record<string, string[]> = {}): AdminActionState => ({
    status: "error",
    message,
    fieldErrors: errors,
    values,
    code,
  });
  const parsed = schema.safeParse(formValues(formData));
  if (!parsed.success) return refuse(t("errors.fixFields"), "invalidInput", adminFieldErrors(parsed.error, t));
  try {
    await run(actor, parsed.data);
  } catch (error) {
    if (error instanceof AdminForbiddenError) return refuse(t("protocol.forbidden"), "forbidden");
    if (error instanceof AdminRefusal) {
      const message = t(`admin.refusals.${error.code}`, error.values);
      return refuse(error.field ? t("errors.fixFields") : message, error.code, error.field ? { [error.field]: [message] } : {});
    }
    console.error("admin action failed", error);
    return refuse(t("errors.unexpected"), "unexpected");
  }
  revalidatePath(done.revalidate, "layout");
  return { status: "success", result: { message: t(`admin.saved.${done.message}`) } };
}
