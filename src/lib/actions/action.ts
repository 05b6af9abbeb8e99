import "server-only";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { DomainError, isDomainError } from "@/domain/errors";
import type { Role } from "@/domain/roles";
import { attachedFiles, validateAttachments } from "@/features/attachments/validate";
import { attachmentFieldErrors } from "@/features/attachments/messages";
import { errorState } from "@/lib/forms/error-state";
import { fieldErrors, formValues, invalidInputMessage, type FormState, type Translate } from "@/lib/forms/form-state";
import { filledHoneypot } from "@/lib/forms/honeypot";
import { requireRole, type StaffUser } from "@/server/auth/session";
import { markWrote } from "@/server/db/replicas";
import { limitPublicForm, type PublicForm } from "@/server/public-limits";

// The one pipeline every server action goes through, in this order: who is asking (before anything
// the request carries is read) → the text and files against the schema → the public rate limit →
// the work → revalidation. Expected refusals (DomainError) come back through the one form-state
// mapper; anything else is logged and answered generically, never echoed.
//
// next-safe-action was considered and not adopted: its result is { data, serverError,
// validationErrors }, so every form here (which reads FormState) would need a translation layer
// on top, and FormData input needs zod-form-data beside our plain schemas, which the API shares.

export type FormAction<R> = (previous: FormState<R>, formData: FormData) => Promise<FormState<R>>;

export interface ActionContext {
  /** The files of the "attachments" field, already checked, when the action declares `files`. */
  files: File[];
  t: Translate;
}

interface Common<S extends z.ZodType> {
  /** Or, for a schema built from data (custom fields an admin defines), how to build it for this request. */
  schema: S | (() => Promise<S>);
  /** What the schema reads; by default the text fields (several values of one name need `getAll`). */
  input?: (formData: FormData) => unknown;
  /** The form carries files in its "attachments" field: checked with the text, stored by `run`. */
  files?: boolean;
  /** What to revalidate once the work is done (and only then). */
  revalidate?: Parameters<typeof revalidatePath> | ((input: z.infer<S>) => Parameters<typeof revalidatePath>);
}

/** Staff of this role or above; re-read from the database on every call. */
export interface StaffActionDefinition<S extends z.ZodType, R> extends Common<S> {
  role: Role;
  /** A DomainError returned (not thrown) is a refusal after work that was kept: revalidated, then shown. */
  run: (input: z.infer<S>, ctx: ActionContext & { staff: StaffUser }) => Promise<R | DomainError>;
}

/** Anyone; the work itself checks any key the input carries (e.g. a tracking token). */
export interface PublicActionDefinition<S extends z.ZodType, R> extends Common<S> {
  public: {
    /** Counted only for well-formed submissions, per address and, when given, per email. */
    limit?: PublicForm;
    limitEmail?: (input: z.infer<S>) => string | undefined;
    /** Refuse, before anything is read, a form whose hidden field a program filled. */
    honeypot?: boolean;
  };
  run: (input: z.infer<S>, ctx: ActionContext) => Promise<R | DomainError>;
}

type Definition<S extends z.ZodType, R> = StaffActionDefinition<S, R> | PublicActionDefinition<S, R>;

export function action<S extends z.ZodType, R>(definition: StaffActionDefinition<S, R>): FormAction<R>;
export function action<S extends z.ZodType, R>(definition: PublicActionDefinition<S, R>): FormAction<R>;
export function action<S extends z.ZodType, R>(definition: Definition<S, R>): FormAction<R> {
  return (_previous, formData) => execute(definition, formData);
}

/** For a form that shows no answer (the language switch, signing out): the same pipeline, the answer dropped. */
export function formOnlyAction<S extends z.ZodType>(definition: StaffActionDefinition<S, unknown>): (formData?: FormData) => Promise<void>;
export function formOnlyAction<S extends z.ZodType>(definition: PublicActionDefinition<S, unknown>): (formData?: FormData) => Promise<void>;
export function formOnlyAction<S extends z.ZodType>(definition: Definition<S, unknown>): (formData?: FormData) => Promise<void> {
  return async (formData = new FormData()) => {
    await execute(definition, formData);
  };
}

// Passwords are never sent back to the browser; files cannot be.
function echoed(formData: FormData): Record<string, string> {
  const values = formValues(formData);
  for (const key of Object.keys(values)) if (key.toLowerCase().includes("password")) delete values[key];
  return values;
}

async function execute<S extends z.ZodType, R>(definition: Definition<S, R>, formData: FormData): Promise<FormState<R>> {
  const t = (await getTranslations()) as unknown as Translate;
  const sent = { values: {} as Record<string, string>, fileCount: 0 };
  try {
    const staff = "role" in definition ? await requireRole(definition.role) : null;
    // Only now, once the caller is known, is anything of the request read. A direct call (not
    // through a form) may send anything as the form.
    if (!(formData instanceof FormData))
      return { status: "error", message: t("errors.fixFields"), fieldErrors: {}, values: {}, code: "invalidInput" };
    const gate = "public" in definition ? definition.public : null;
    sent.values = echoed(formData);
    if (gate?.honeypot && filledHoneypot(formData)) throw new DomainError("automated");
    const files = definition.files ? attachedFiles(formData) : [];
    sent.fileCount = files.length;
    const schema = typeof definition.schema === "function" ? await definition.schema() : definition.schema;
    const parsed = schema.safeParse(definition.input ? definition.input(formData) : formValues(formData));
    const checked = await validateAttachments(files);
    if (!parsed.success || !checked.ok) {
      return {
        status: "error",
        message: parsed.success ? t("errors.fixFields") : invalidInputMessage(parsed.error, t),
        fieldErrors: {
          ...(parsed.success ? {} : fieldErrors(parsed.error, t)),
          ...attachmentFieldErrors({ fileCount: files.length, problems: checked.ok ? [] : checked.problems }, t),
        },
        values: sent.values,
        code: "invalidInput",
      };
    }
    const input = parsed.data as z.infer<S>;
    if (gate?.limit) {
      const limit = await limitPublicForm(gate.limit, gate.limitEmail?.(input));
      if (!limit.allowed) throw new DomainError("rateLimited", { retryAfterSeconds: limit.retryAfterSeconds });
    }
    const result = staff
      ? await (definition as StaffActionDefinition<S, R>).run(input, { files, t, staff })
      : await (definition as PublicActionDefinition<S, R>).run(input, { files, t });
    // The writer's next reads go to the primary, whichever instance serves them (src/server/db/replicas.ts).
    if (staff) await markWrote();
    if (definition.revalidate) {
      revalidatePath(...(typeof definition.revalidate === "function" ? definition.revalidate(input) : definition.revalidate));
    }
    if (isDomainError(result)) throw result;
    return { status: "success", result: result as R };
  } catch (error) {
    if (isDomainError(error)) return errorState(error, t, sent);
    // Next's own signals (a redirect after signing in or out) are not failures.
    unstable_rethrow(error);
    console.error("server action failed", error);
    const again = attachmentFieldErrors({ fileCount: sent.fileCount }, t);
    return { status: "error", message: t("errors.unexpected"), fieldErrors: again, values: sent.values, code: "unexpected" };
  }
}
