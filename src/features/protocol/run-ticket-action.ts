import "server-only";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { Role } from "@/domain/roles";
import { attachmentFieldErrors } from "@/features/attachments/messages";
import { attachedFiles, AttachmentsRefusedError, validateAttachments } from "@/features/attachments/validate";
import { fieldErrors, formValues, type FormState } from "@/lib/forms/form-state";
import { refusalMessage } from "./refusal-message";
import { ForbiddenError, NotSignedInError, requireRole } from "@/server/auth/session";
import { InvalidChangeError, ProtocolRefusalError, TicketConflictError, TicketNotFoundError, type Actor } from "./change-ticket";
import type { SaveOutcome } from "./commands";

export type TicketActionState = FormState<{ message: string }>;

/**
 * Every workspace action: who is asking and may they, is the input well-formed, then the
 * protocol command. Expected refusals come back in the agent's language; anything else is
 * logged and answered with a generic message, never the exception's text.
 */
export async function runTicketAction<S extends z.ZodType>(
  role: Role,
  schema: S,
  formData: FormData,
  run: (input: z.infer<S>, actor: Actor, files: File[]) => Promise<SaveOutcome | void>,
  /** The form carries files (a reply's "attachments"): checked with the text, then stored by `run`. */
  { withFiles = false }: { withFiles?: boolean } = {},
): Promise<TicketActionState> {
  const t = await getTranslations();
  let actor: Actor;
  try {
    const staff = await requireRole(role);
    actor = { id: staff.id, role: staff.role };
  } catch (error) {
    const code = error instanceof NotSignedInError ? "notSignedIn" : error instanceof ForbiddenError ? "forbidden" : null;
    if (!code) throw error;
    return { status: "error", message: t(`protocol.${code}`), fieldErrors: {}, values: {}, code };
  }
  // Only now, once the caller is known: nothing of an anonymous request is read.
  const values = formValues(formData);
  const files = withFiles ? attachedFiles(formData) : [];
  const checked = await validateAttachments(files);
  // Whatever sends the form back, the files do not come back with it.
  const fileErrors = (problems = checked.ok ? [] : checked.problems) => attachmentFieldErrors({ fileCount: files.length, problems }, t);
  const refuse = (message: string, code: string, errors: Record<string, string[]> = {}): TicketActionState => ({
    status: "error",
    message,
    fieldErrors: { ...errors, ...fileErrors() },
    values,
    code,
  });
  const parsed = schema.safeParse(values);
  if (!parsed.success || !checked.ok)
    return refuse(t("errors.fixFields"), "invalidInput", parsed.success ? {} : fieldErrors(parsed.error, t));
  try {
    const outcome = await run(parsed.data, actor, files);
    revalidatePath("/agent", "layout");
    if (outcome?.refusal) return refuse(`${t("protocol.savedNotMoved")} ${refusalMessage(outcome.refusal, t)}`, "refused");
    return { status: "success", result: { message: t(outcome?.moved ? "protocol.moved" : "protocol.saved") } };
  } catch (error) {
    if (error instanceof TicketConflictError) return refuse(t("protocol.conflict"), "conflict");
    if (error instanceof ProtocolRefusalError) return refuse(refusalMessage(error.refusal, t), "refused");
    if (error instanceof InvalidChangeError) return refuse(t(`protocol.invalid.${error.code}`), error.code);
    if (error instanceof TicketNotFoundError) return refuse(t("protocol.notFound"), "notFound");
    if (error instanceof AttachmentsRefusedError)
      return { status: "error", message: t("errors.fixFields"), fieldErrors: fileErrors(error.problems), values, code: "invalidInput" };
    console.error("ticket action failed", error);
    return refuse(t("errors.unexpected"), "unexpected");
  }
}
