"use client";

import { useTranslations } from "next-intl";
import { ActionForm, useActionForm } from "@/components/action-form";
import { Field, inputClass } from "@/components/field";
import { SubmitButton } from "@/components/submit-button";
import { recordOutcomeAction } from "../actions";
import { COMPLAINT_OUTCOMES, REDRESS_KINDS } from "../schemas";

/** The outcome, and optionally one redress or goodwill row, recorded in the resolve and apologise stages. */
export function OutcomeForm({
  ticketId,
  version,
  outcome,
  currency,
}: {
  ticketId: string;
  version: number;
  outcome: string | null;
  currency: string;
}) {
  const t = useTranslations("outcome");
  return (
    <ActionForm action={recordOutcomeAction} hidden={{ ticketId, version }} label={t("title")}>
      <Inputs outcome={outcome} currency={currency} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

function Inputs({ outcome, currency }: { outcome: string | null; currency: string }) {
  const t = useTranslations("outcome");
  const { errors, values } = useActionForm();
  return (
    <>
      <Field name="outcome" id="outcome-outcome" label={t("outcome")} errors={errors.outcome}>
        {(p) => (
          <select {...p} defaultValue={values.outcome ?? outcome ?? ""} className={inputClass}>
            <option value="">{t("choose")}</option>
            {COMPLAINT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`outcomes.${o}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium">{t("addRedress")}</legend>
        <Field name="redressKind" id="outcome-kind" label={t("kind")} errors={errors.redressKind}>
          {(p) => (
            <select {...p} defaultValue={values.redressKind ?? ""} className={inputClass}>
              <option value="">{t("choose")}</option>
              {REDRESS_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="goodwill" defaultChecked={values.goodwill === "on"} />
          {t("goodwill")}
        </label>
        <div className="grid grid-cols-2 gap-3">
          <Field name="amount" id="outcome-amount" label={t("amount")} errors={errors.amount}>
            {(p) => <input {...p} inputMode="decimal" defaultValue={values.amount ?? ""} className={inputClass} />}
          </Field>
          <Field name="currency" id="outcome-currency" label={t("currency")} errors={errors.currency}>
            {(p) => <input {...p} maxLength={3} defaultValue={values.currency ?? currency} className={inputClass} />}
          </Field>
        </div>
        <Field name="paidAt" id="outcome-paid" label={t("paidAt")} errors={errors.paidAt}>
          {(p) => <input {...p} type="date" defaultValue={values.paidAt ?? ""} className={inputClass} />}
        </Field>
        <Field name="note" id="outcome-note" label={t("note")} errors={errors.note}>
          {(p) => <input {...p} defaultValue={values.note ?? ""} className={inputClass} />}
        </Field>
      </fieldset>
    </>
  );
}
