"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { SubmitButton } from "@/components/submit-button";
import { TextArea, TextField } from "@/features/admin/components/fields";
import { recordQualityReviewAction } from "../actions";

/** Scores one closed complaint against the rubric (labels already in the reader's language). */
export function ReviewForm({
  ticketId,
  reference,
  criteria,
}: {
  ticketId: string;
  reference: string;
  criteria: { id: string; label: string; maxScore: number }[];
}) {
  const t = useTranslations("quality");
  const prefix = `review-${ticketId}`;
  return (
    <ActionForm
      action={recordQualityReviewAction}
      hidden={{ ticketId }}
      label={t("scoreTicket", { reference })}
      className="grid gap-3 sm:grid-cols-2"
    >
      {criteria.map((c) => (
        <TextField
          key={c.id}
          name={`scores.${c.id}`}
          idPrefix={prefix}
          label={t("criterionScore", { label: c.label, max: c.maxScore })}
          inputMode="numeric"
        />
      ))}
      <div className="sm:col-span-2">
        <TextArea name="note" idPrefix={prefix} label={t("note")} rows={3} />
      </div>
      <div>
        <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
