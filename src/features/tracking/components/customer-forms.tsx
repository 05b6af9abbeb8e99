"use client";

import { useTranslations } from "next-intl";
import { ActionForm, useActionForm } from "@/components/action-form";
import { Field, inputClass } from "@/components/field";
import { Honeypot } from "@/components/honeypot";
import { AttachmentInput } from "@/features/attachments/components/attachment-input";
import { customerReplyAction, lookupAction, rateHandlingAction, reopenByCustomerAction } from "../actions";

const button =
  "rounded-md bg-teal-700 px-5 py-2.5 font-semibold text-white shadow hover:bg-teal-800 focus:outline-none focus:ring-2 focus:ring-teal-600 focus:ring-offset-2";

function TextArea({ name, id, label, hint, rows = 5 }: { name: string; id: string; label: string; hint?: string; rows?: number }) {
  const { values, errors } = useActionForm();
  return (
    <Field name={name} id={id} label={label} hint={hint} errors={errors[name]}>
      {(p) => <textarea {...p} rows={rows} defaultValue={values[name]} className={inputClass} />}
    </Field>
  );
}

function ReplyAttachments() {
  const t = useTranslations("track");
  const { errors } = useActionForm();
  return <AttachmentInput id="reply-attachments" errors={errors.attachments} optionalLabel={t("optional")} />;
}

/** The customer writes back, with photos, receipts or PDFs if they like. */
export function CustomerReplyForm({ token }: { token: string }) {
  const t = useTranslations("track");
  return (
    <ActionForm action={customerReplyAction} hidden={{ token }} label={t("replyTitle")}>
      <TextArea name="body" id="customer-reply" label={t("yourMessage")} />
      <ReplyAttachments />
      <div>
        <button type="submit" className={button}>
          {t("sendReply")}
        </button>
      </div>
    </ActionForm>
  );
}

function RatingFields() {
  const t = useTranslations("track");
  const { values, errors } = useActionForm();
  return (
    <>
      <fieldset className="flex flex-col gap-2" aria-describedby={errors.rating ? "rating-error" : undefined}>
        <legend className="font-medium">{t("ratingQuestion")}</legend>
        <div className="flex flex-wrap gap-3">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="flex items-center gap-2 rounded border border-slate-300 bg-white px-3 py-2">
              <input type="radio" name="rating" value={n} defaultChecked={values.rating === String(n)} className="h-4 w-4" />
              {t(`ratings.${n}`)}
            </label>
          ))}
        </div>
        {errors.rating && (
          <p id="rating-error" className="text-sm text-red-700">
            {errors.rating.join(" ")}
          </p>
        )}
      </fieldset>
      <fieldset className="flex flex-col gap-2" aria-describedby={errors.wouldTrustAgain ? "trust-error" : undefined}>
        <legend className="font-medium">{t("trustQuestion")}</legend>
        <div className="flex gap-4">
          {(["yes", "no"] as const).map((v) => (
            <label key={v} className="flex items-center gap-2">
              <input type="radio" name="wouldTrustAgain" value={v} defaultChecked={values.wouldTrustAgain === v} className="h-4 w-4" />
              {t(v)}
            </label>
          ))}
        </div>
        {errors.wouldTrustAgain && (
          <p id="trust-error" className="text-sm text-red-700">
            {errors.wouldTrustAgain.join(" ")}
          </p>
        )}
      </fieldset>
      <TextArea name="comment" id="rating-comment" label={t("ratingComment")} rows={3} />
    </>
  );
}

/** After closing: how did we do, and would you trust us again? */
export function RatingForm({ token }: { token: string }) {
  const t = useTranslations("track");
  return (
    <ActionForm action={rateHandlingAction} hidden={{ token }} label={t("ratingTitle")}>
      <RatingFields />
      <div>
        <button type="submit" className={button}>
          {t("sendRating")}
        </button>
      </div>
    </ActionForm>
  );
}

/** An unhappy customer reopens the complaint from the same page. */
export function ReopenForm({ token }: { token: string }) {
  const t = useTranslations("track");
  return (
    <ActionForm action={reopenByCustomerAction} hidden={{ token }} label={t("reopenTitle")}>
      <TextArea name="reason" id="reopen-reason" label={t("reopenReason")} rows={3} />
      <div>
        <button type="submit" className={button}>
          {t("reopen")}
        </button>
      </div>
    </ActionForm>
  );
}

function LookupFields() {
  const t = useTranslations("track");
  const { values, errors } = useActionForm();
  return (
    <>
      <Field name="reference" label={t("reference")} hint={t("referenceHint")} errors={errors.reference}>
        {(p) => <input {...p} type="text" autoComplete="off" defaultValue={values.reference} className={inputClass} />}
      </Field>
      <Field name="email" label={t("email")} errors={errors.email}>
        {(p) => <input {...p} type="email" autoComplete="email" defaultValue={values.email} className={inputClass} />}
      </Field>
    </>
  );
}

/** Lost the link? The link is mailed to the address on the complaint, never shown here. */
export function LookupForm() {
  const t = useTranslations("track");
  return (
    <ActionForm action={lookupAction} label={t("lookupTitle")}>
      <LookupFields />
      <Honeypot />
      <div>
        <button type="submit" className={button}>
          {t("sendLink")}
        </button>
      </div>
    </ActionForm>
  );
}
