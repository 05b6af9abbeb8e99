"use server";

import { getLocale } from "next-intl/server";
import { isLocale } from "@/i18n/locales";
import { action } from "@/lib/actions/action";
import { appUrl } from "@/server/app-url";
import { loadFieldDefinitions } from "@/features/custom-fields/queries";
import { withFormAnswers } from "@/lib/forms/custom-fields";
import { formValues } from "@/lib/forms/form-state";
import { fileComplaint } from "./file-complaint";
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
export const submitComplaint = action({
  // Counted only for well-formed submissions, per address and per recipient (each one mails it).
  public: { limit: "complaint", limitEmail: (input) => input.email, honeypot: true },
  // The form's one-off id makes a resubmission (a retry, a double click) answer with the first receipt;
  // a malformed one is ignored, not refused.
  // Built for each submission from the custom fields as the admin has them now.
  schema: async () => {
    const fieldDefinitions = await loadFieldDefinitions();
    return (
      complaintSchema(undefined, fieldDefinitions)
        .extend({ submissionId: submissionIdSchema.optional().catch(undefined) })
        // Filing keeps the answers by the definitions they were checked against, without reading them again.
        .transform((complaint) => ({ ...complaint, fieldDefinitions }))
    );
  },
  input: (formData) => withFormAnswers(formValues(formData), formData),
  files: true,
  run: async ({ submissionId, fieldDefinitions, ...complaint }, { files }): Promise<ComplaintReceiptView> => {
    const locale = await getLocale();
    const key = submissionId ? `form:${submissionId}` : undefined;
    const receipt = await fileComplaint(complaint, isLocale(locale) ? locale : "id", new Date(), files, key, { fieldDefinitions });
    const trackingPath = `/track/${receipt.trackingToken}`;
    return {
      reference: receipt.reference,
      trackingPath,
      trackingUrl: appUrl(trackingPath),
      acknowledgeBy: receipt.acknowledgeBy.toISOString(),
    };
  },
});
