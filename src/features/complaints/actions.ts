"use server";

import { getLocale, getTranslations } from "next-intl/server";
import { fieldErrors, formValues, type FormState } from "@/features/forms/form-state";
import { isLocale } from "@/i18n/locales";
import { publicUrl } from "@/server/public-url";
import { fileComplaint, UnknownCategoryError } from "./file-complaint";
import { complaintSchema } from "./schemas";

export interface ComplaintReceiptView {
  reference: string;
  trackingPath: string;
  trackingUrl: string;
  acknowledgeBy: string;
}

/** Public: anyone may file a complaint. Only the schema's fields are read; anything else sent is ignored. */
export async function submitComplaint(
  _previous: FormState<ComplaintReceiptView>,
  formData: FormData,
): Promise<FormState<ComplaintReceiptView>> {
  const t = await getTranslations();
  const values = formValues(formData);
  const parsed = complaintSchema().safeParse(values);
  if (!parsed.success) {
    return { status: "error", message: t("errors.fixFields"), fieldErrors: fieldErrors(parsed.error, t), values };
  }
  const locale = await getLocale();
  try {
    const receipt = await fileComplaint(parsed.data, isLocale(locale) ? locale : "id");
    const trackingPath = `/track/${receipt.trackingToken}`;
    return {
      status: "success",
      result: {
        reference: receipt.reference,
        trackingPath,
        trackingUrl: await publicUrl(trackingPath),
        acknowledgeBy: receipt.acknowledgeBy.toISOString(),
      },
    };
  } catch (error) {
    if (error instanceof UnknownCategoryError) {
      return { status: "error", message: t("errors.fixFields"), fieldErrors: { category: [t("errors.invalidChoice")] }, values };
    }
    console.error("submitComplaint failed", error);
    return { status: "error", message: t("errors.unexpected"), fieldErrors: {}, values };
  }
}
