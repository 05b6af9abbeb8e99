"use client";

import { useActionState, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { Field, inputClass } from "@/components/field";
import { Honeypot } from "@/components/honeypot";
import { FormAlert } from "@/components/form-alert";
import { SubmitButton } from "@/components/submit-button";
import { AttachmentInput } from "@/features/attachments/components/attachment-input";
import { CUSTOMER_ASKS } from "@/domain/customer-ask";
import { echoedAnswers, fieldsToFill, type CustomFieldDefinition } from "@/domain/custom-fields";
import { CustomFieldInputs } from "@/features/custom-fields/components/custom-field-inputs";
import { IDLE, type FormState } from "@/lib/forms/form-state";
import { submitComplaint, type ComplaintReceiptView } from "../actions";
import type { CategoryChoice } from "../queries";

export function ComplaintForm({
  categories,
  fields,
  today,
  submissionId,
}: {
  categories: CategoryChoice[];
  /** Every category's customer-facing custom fields: the chosen category's are shown, without a round trip. */
  fields: CustomFieldDefinition[];
  today: string;
  submissionId: string;
}) {
  const t = useTranslations("complaintForm");
  const asks = useTranslations("customerAsks");
  const [state, action] = useActionState<FormState<ComplaintReceiptView>, FormData>(submitComplaint, IDLE);
  const [category, setCategory] = useState("");

  if (state.status === "success") return <Receipt receipt={state.result} />;

  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  const field = (name: string) => ({ name, label: t(`${name}.label`), errors: errors[name] });

  return (
    // The key remounts the inputs with the submitted values after React resets the form.
    <form action={action} noValidate className="flex flex-col gap-5" key={state.status === "error" ? JSON.stringify(values) : "new"}>
      <FormAlert message={state.status === "error" ? state.message : undefined} tone="error" focusFirstInvalid focusKey={state} />
      {/* Made once per page render: sending this form twice files one complaint. */}
      <input type="hidden" name="submissionId" value={submissionId} />

      <Field {...field("name")}>
        {(p) => <input {...p} type="text" autoComplete="name" defaultValue={values.name} className={inputClass} maxLength={200} />}
      </Field>
      <Field {...field("email")} hint={t("email.hint")}>
        {(p) => <input {...p} type="email" autoComplete="email" inputMode="email" defaultValue={values.email} className={inputClass} />}
      </Field>
      <Field {...field("phone")} optionalLabel={t("optional")}>
        {(p) => <input {...p} type="tel" autoComplete="tel" defaultValue={values.phone} className={inputClass} />}
      </Field>
      <Field {...field("category")}>
        {(p) => (
          <select {...p} defaultValue={values.category ?? ""} onChange={(e) => setCategory(e.target.value)} className={inputClass}>
            <option value="" disabled>
              {t("category.choose")}
            </option>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <CustomFieldInputs
        fields={fieldsToFill(fields, category || (values.category ?? ""), "customer")}
        errors={errors}
        values={echoedAnswers(values)}
      />
      <Field {...field("narrative")} hint={t("narrative.hint")}>
        {(p) => <textarea {...p} rows={7} defaultValue={values.narrative} className={inputClass} />}
      </Field>
      <Field {...field("location")} optionalLabel={t("optional")} hint={t("location.hint")}>
        {(p) => <input {...p} type="text" defaultValue={values.location} className={inputClass} maxLength={200} />}
      </Field>
      <div className="grid gap-5 sm:grid-cols-3">
        <Field {...field("orderNumber")} optionalLabel={t("optional")}>
          {(p) => <input {...p} type="text" defaultValue={values.orderNumber} className={inputClass} />}
        </Field>
        <Field {...field("purchaseDate")} optionalLabel={t("optional")}>
          {(p) => <input {...p} type="date" max={today} defaultValue={values.purchaseDate} className={inputClass} />}
        </Field>
        <Field {...field("amount")} optionalLabel={t("optional")} hint={t("amount.hint")}>
          {(p) => <input {...p} type="text" inputMode="decimal" defaultValue={values.amount} className={inputClass} />}
        </Field>
      </div>
      <Field {...field("customerAsk")} optionalLabel={t("optional")} hint={t("customerAsk.hint")}>
        {(p) => (
          <select {...p} defaultValue={values.customerAsk ?? ""} className={inputClass}>
            <option value="">{t("customerAsk.notSure")}</option>
            {CUSTOMER_ASKS.map((ask) => (
              <option key={ask} value={ask}>
                {asks(ask)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field {...field("desiredOutcome")} hint={t("desiredOutcome.hint")}>
        {(p) => <textarea {...p} rows={3} defaultValue={values.desiredOutcome} className={inputClass} />}
      </Field>
      <AttachmentInput errors={errors.attachments} optionalLabel={t("optional")} />
      <Honeypot />

      <div>
        <SubmitButton pendingText={t("sending")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}

function Receipt({ receipt }: { receipt: ComplaintReceiptView }) {
  const t = useTranslations("complaintForm.receipt");
  const format = useFormatter();
  const replyBy = format.dateTime(new Date(receipt.acknowledgeBy), {
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  });
  return (
    <section aria-labelledby="receipt-title" className="flex flex-col gap-4 rounded-lg border border-teal-300 bg-teal-50 p-6" role="status">
      <h2 id="receipt-title" className="text-xl font-semibold text-teal-900">
        {t("title")}
      </h2>
      <p>
        {t("reference")}{" "}
        <strong data-testid="reference" className="font-mono text-lg">
          {receipt.reference}
        </strong>
      </p>
      <p data-testid="reply-by">{t("replyBy", { when: replyBy })}</p>
      <div className="flex flex-col gap-2">
        <p>{t("linkExplain")}</p>
        <Link href={receipt.trackingPath} data-testid="tracking-link" className="break-all font-mono text-teal-800 underline">
          {receipt.trackingUrl}
        </Link>
        <p className="text-sm text-slate-600">{t("keepPrivate")}</p>
      </div>
    </section>
  );
}
