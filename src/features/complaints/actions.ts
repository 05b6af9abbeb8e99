"use server";

import { getLocale, getTranslations } from "next-intl/server";
import { attachmentFieldErrors } from "@/features/attachments/messages";
import { attachedFiles, AttachmentsRefusedError, validateAttachments } from "@/features/attachments/validate";
import { filledHoneypot } from "@/lib/forms/honeypot";
import { fieldErrors, formValues, type FormState } from "@/lib/forms/form-state";
import { isLocale } from "@/i18n/locales";
import { limitPublicForm } from "@/server/public-limits";
import { appUrl } from "@/server/app-url";
import { fileComplaint, UnknownCategoryError } from "./file-complaint";
import { complaintSchema, submissionIdSchema } from "./schemas";

export interface ComplaintReceiptView {
  reference: string;
  trackingPath: string;
  trackingUrl: string;
  acknowledgeBy: string;
}

/**
 * Public: anyone may file a complaint. Only the schema's fields and the "attachments" files are
 * read; anything else sent is ignored. Text and files are checked together, so one answer names
 * every problem; a refused submission stores nothing.
 */
export async function submitComplaint(
  _previous: FormState<ComplaintReceiptView>,
  formData: FormData,
): Promise<FormState<ComplaintReceiptView>> {
  const t = await getTranslations();
  const values = formValues(formData);
  // Before anything is counted, read or stored: a program filled the field no person sees.
  if (filledHoneypot(formData)) return { status: "error", message: t("errors.automated"), fieldErrors: {}, values, code: "automated" };
  const files = attachedFiles(formData);
  const parsed = complaintSchema().safeParse(values);
  const checked = await validateAttachments(files);
  // Whatever sends the form back, the files do not come back with it.
  const fileErrors = (problems = checked.ok ? [] : checked.problems) => attachmentFieldErrors({ fileCount: files.length, problems }, t);
  if (!parsed.success || !checked.ok) {
    return {
      status: "error",
      message: t("errors.fixFields"),
      fieldErrors: { ...(parsed.success ? {} : fieldErrors(parsed.error, t)), ...fileErrors() },
      values,
    };
  }
  const locale = await getLocale();
  const submission = submissionIdSchema.safeParse(formData.get("submissionId"));
  // Everything from here touches the database: a failure there is a message, never a bare 500.
  try {
    // Counted only for well-formed submissions, per address and per recipient (each one mails it).
    const limit = await limitPublicForm("complaint", parsed.data.email);
    if (!limit.allowed) {
      const message = t("errors.rateLimited", { minutes: Math.ceil(limit.retryAfterSeconds / 60) });
      return { status: "error", message, fieldErrors: fileErrors(), values, code: "rateLimited" };
    }
    const key = submission.success ? `form:${submission.data}` : undefined;
    const receipt = await fileComplaint(parsed.data, isLocale(locale) ? locale : "id", new Date(), files, key);
    const trackingPath = `/track/${receipt.trackingToken}`;
    return {
      status: "success",
      result: {
        reference: receipt.reference,
        trackingPath,
        trackingUrl: appUrl(trackingPath),
        acknowledgeBy: receipt.acknowledgeBy.toISOString(),
      },
    };
  } catch (error) {
    if (error instanceof UnknownCategoryError) {
      return {
        status: "error",
        message: t("errors.fixFields"),
        fieldErrors: { category: [t("errors.invalidChoice")], ...fileErrors() },
        values,
      };
    }
    if (error instanceof AttachmentsRefusedError) {
      return { status: "error", message: t("errors.fixFields"), fieldErrors: fileErrors(error.problems), values };
    }
    console.error("submitComplaint failed", error);
    return { status: "error", message: t("errors.unexpected"), fieldErrors: fileErrors(), values };
  }
}
