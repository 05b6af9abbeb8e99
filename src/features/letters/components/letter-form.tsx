"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ActionForm, useActionForm } from "@/components/action-form";
import { Field, inputClass } from "@/components/field";
import { SubmitButton } from "@/components/submit-button";
import type { LetterKind } from "@/domain/regulation/letter-check";
import { sendLetterAction } from "../actions";

export const LETTER_MESSAGE_ID = "letter-message";

/** The workspace's form for a regulated letter: the kind the regime offers, the agent's words, and what the kind needs. */
export function LetterForm({
  ticketId,
  version,
  kinds,
  reasonsDraft,
  templatePicker,
}: {
  ticketId: string;
  version: number;
  kinds: LetterKind[];
  reasonsDraft: string;
  templatePicker?: ReactNode;
}) {
  const t = useTranslations("letters");
  return (
    <ActionForm action={sendLetterAction} hidden={{ ticketId, version }} label={t("send")}>
      <Inputs kinds={kinds} reasonsDraft={reasonsDraft} templatePicker={templatePicker} />
      <div>
        <SubmitButton pendingText={t("sending")}>{t("send")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

function Inputs({ kinds, reasonsDraft, templatePicker }: { kinds: LetterKind[]; reasonsDraft: string; templatePicker?: ReactNode }) {
  const t = useTranslations("letters");
  const { errors, values } = useActionForm();
  return (
    <>
      <Field name="kind" id="letter-kind" label={t("kind")} errors={errors.kind}>
        {(p) => (
          <select {...p} defaultValue={values.kind ?? kinds[0]} className={inputClass}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {templatePicker}
      <Field name="message" id={LETTER_MESSAGE_ID} label={t("message")} errors={errors.message}>
        {(p) => <textarea {...p} rows={4} defaultValue={values.message ?? ""} className={inputClass} />}
      </Field>
      <Field name="reasons" id="letter-reasons" label={t("reasons")} errors={errors.reasons}>
        {(p) => <textarea {...p} rows={3} defaultValue={values.reasons ?? reasonsDraft} className={inputClass} />}
      </Field>
      {(kinds.includes("EXTENSION") || kinds.includes("HOLDING_REPLY")) && (
        <>
          <Field name="reason" id="letter-reason" label={t("reason")} errors={errors.reason}>
            {(p) => <input {...p} defaultValue={values.reason ?? ""} className={inputClass} />}
          </Field>
        </>
      )}
    </>
  );
}
