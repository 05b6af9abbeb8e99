"use client";

import { useTranslations } from "next-intl";
import { ActionForm, useActionForm } from "@/components/action-form";
import { Field, inputClass } from "@/components/field";
import { SubmitButton } from "@/components/submit-button";
import { EXTERNAL_BODIES } from "@/domain/regulation/regimes";
import { decideExternalEscalationAction, recordExternalEscalationAction } from "../actions";

/** Staff record that the customer took the complaint to an outside body. */
export function ExternalEscalationForm({ ticketId, version, defaultBody }: { ticketId: string; version: number; defaultBody?: string }) {
  const t = useTranslations("external");
  return (
    <ActionForm action={recordExternalEscalationAction} hidden={{ ticketId, version }} label={t("record")}>
      <EscalationInputs defaultBody={defaultBody} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("record")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

function EscalationInputs({ defaultBody }: { defaultBody?: string }) {
  const t = useTranslations("external");
  const { errors, values } = useActionForm();
  return (
    <>
      <Field name="body" id="external-body" label={t("body")} errors={errors.body}>
        {(p) => (
          <select {...p} defaultValue={values.body ?? defaultBody ?? EXTERNAL_BODIES[0]} className={inputClass}>
            {EXTERNAL_BODIES.map((b) => (
              <option key={b} value={b}>
                {t(`bodies.${b}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="reference" id="external-reference" label={t("reference")} errors={errors.reference}>
        {(p) => <input {...p} defaultValue={values.reference ?? ""} className={inputClass} />}
      </Field>
      <Field name="referredAt" id="external-referred" label={t("referredAt")} errors={errors.referredAt}>
        {(p) => <input {...p} type="date" defaultValue={values.referredAt ?? ""} className={inputClass} />}
      </Field>
      <Field name="note" id="external-note" label={t("note")} errors={errors.note}>
        {(p) => <input {...p} defaultValue={values.note ?? ""} className={inputClass} />}
      </Field>
    </>
  );
}

/** The outside body's decision on one escalation. */
export function ExternalDecisionForm({ ticketId, version, escalationId }: { ticketId: string; version: number; escalationId: string }) {
  const t = useTranslations("external");
  return (
    <ActionForm action={decideExternalEscalationAction} hidden={{ ticketId, version, escalationId }} label={t("decide")}>
      <DecisionInputs escalationId={escalationId} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("decide")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

function DecisionInputs({ escalationId }: { escalationId: string }) {
  const t = useTranslations("external");
  const { errors, values } = useActionForm();
  return (
    <>
      <Field name="decidedAt" id={`decided-${escalationId}`} label={t("decidedAt")} errors={errors.decidedAt}>
        {(p) => <input {...p} type="date" defaultValue={values.decidedAt ?? ""} className={inputClass} />}
      </Field>
      <Field name="outcome" id={`decision-${escalationId}`} label={t("outcome")} errors={errors.outcome}>
        {(p) => <input {...p} defaultValue={values.outcome ?? ""} className={inputClass} />}
      </Field>
    </>
  );
}
