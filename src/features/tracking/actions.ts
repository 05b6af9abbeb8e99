"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { attachmentFieldErrors } from "@/features/attachments/messages";
import { attachedFiles, AttachmentsRefusedError, validateAttachments } from "@/features/attachments/validate";
import { filledHoneypot } from "@/lib/forms/honeypot";
import { fieldErrors, formValues, type FormState } from "@/lib/forms/form-state";
import { limitPublicForm } from "@/server/public-limits";
import {
  CustomerActionRefusedError,
  customerReply,
  rateHandling,
  reopenByCustomer,
  sendTrackingLink,
  UnknownTrackingTokenError,
} from "./commands";
import { customerReplySchema, lookupSchema, ratingSchema, reopenSchema } from "./schemas";

type State = FormState<{ message: string }>;

// Public endpoints: the tracking token is the only key, checked inside each command.
// Text and files are checked together, so one answer names every problem; whatever sends the
// form back keeps the text, and says the files must be chosen again (a browser cannot refill them).
async function runCustomerAction<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  form: "reply" | "lookup",
  run: (input: z.infer<S>) => Promise<string>,
  { email, files = [] }: { email?: (input: z.infer<S>) => string; files?: File[] } = {},
): Promise<State> {
  const t = await getTranslations();
  const values = formValues(formData);
  const parsed = schema.safeParse(values);
  const checked = await validateAttachments(files);
  const fileErrors = (problems = checked.ok ? [] : checked.problems) => attachmentFieldErrors({ fileCount: files.length, problems }, t);
  const refuse = (message: string, code?: string, errors: Record<string, string[]> = {}): State => ({
    status: "error",
    message,
    fieldErrors: { ...errors, ...fileErrors() },
    values,
    code,
  });
  if (!parsed.success || !checked.ok) return refuse(t("errors.fixFields"), undefined, parsed.success ? {} : fieldErrors(parsed.error, t));
  // Everything from here touches the database: a failure there is a message, never a bare 500.
  try {
    const limit = await limitPublicForm(form, email?.(parsed.data));
    if (!limit.allowed) return refuse(t("errors.rateLimited", { minutes: Math.ceil(limit.retryAfterSeconds / 60) }), "rateLimited");
    const message = await run(parsed.data);
    const token = (parsed.data as { token?: string }).token;
    if (token) revalidatePath(`/track/${token}`);
    return { status: "success", result: { message } };
  } catch (error) {
    if (error instanceof UnknownTrackingTokenError) return refuse(t("track.unknownLink"), "notFound");
    if (error instanceof CustomerActionRefusedError) return refuse(t(`track.refused.${error.code}`), error.code);
    if (error instanceof AttachmentsRefusedError) {
      return { status: "error", message: t("errors.fixFields"), fieldErrors: fileErrors(error.problems), values };
    }
    console.error("customer action failed", error);
    return refuse(t("errors.unexpected"), "unexpected");
  }
}

/** The customer writes back, with up to five files (the "attachments" field), as on the complaint form. */
export async function customerReplyAction(_previous: State, formData: FormData): Promise<State> {
  const t = await getTranslations("track");
  const files = attachedFiles(formData);
  return runCustomerAction(
    formData,
    customerReplySchema,
    "reply",
    async ({ token, body }) => {
      await customerReply(token, body, new Date(), files);
      return t("replySent");
    },
    { files },
  );
}

export async function rateHandlingAction(_previous: State, formData: FormData): Promise<State> {
  const t = await getTranslations("track");
  return runCustomerAction(formData, ratingSchema, "reply", async ({ token, ...rating }) => {
    await rateHandling(token, rating);
    return t("thanksForRating");
  });
}

export async function reopenByCustomerAction(_previous: State, formData: FormData): Promise<State> {
  const t = await getTranslations("track");
  return runCustomerAction(formData, reopenSchema, "reply", async ({ token, reason }) => {
    await reopenByCustomer(token, reason);
    return t("reopened");
  });
}

/** Answers the same whether or not the reference and email belong together. */
export async function lookupAction(_previous: State, formData: FormData): Promise<State> {
  // A program filled the field no person sees: nothing is counted, looked up or mailed.
  if (filledHoneypot(formData)) {
    return {
      status: "error",
      message: (await getTranslations())("errors.automated"),
      fieldErrors: {},
      values: formValues(formData),
      code: "automated",
    };
  }
  const t = await getTranslations("track");
  return runCustomerAction(
    formData,
    lookupSchema,
    "lookup",
    async ({ reference, email }) => {
      await sendTrackingLink(reference, email);
      return t("lookupSent");
    },
    { email: (input) => input.email },
  );
}
