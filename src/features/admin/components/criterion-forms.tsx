"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { SubmitButton } from "@/components/submit-button";
import { saveQualityCriterionAction } from "../actions";
import { CheckboxField, TextField } from "./fields";

interface Criterion {
  id: string;
  labelEn: string;
  labelId: string;
  maxScore: number;
  sortOrder: number;
  active: boolean;
}

/** One criterion of the quality rubric: a new one when `criterion` is absent. */
export function CriterionForm({ criterion }: { criterion?: Criterion }) {
  const t = useTranslations("admin");
  const prefix = criterion ? `criterion-${criterion.id}` : "new-criterion";
  return (
    <ActionForm
      action={saveQualityCriterionAction}
      hidden={criterion ? { criterionId: criterion.id } : {}}
      label={criterion ? t("quality.edit", { label: criterion.labelEn }) : t("quality.create")}
      className="grid gap-3 sm:grid-cols-2"
    >
      <TextField name="labelEn" idPrefix={prefix} label={t("quality.labelEn")} defaultValue={criterion?.labelEn} />
      <TextField name="labelId" idPrefix={prefix} label={t("quality.labelId")} defaultValue={criterion?.labelId} />
      <TextField
        name="maxScore"
        idPrefix={prefix}
        label={t("quality.maxScore")}
        inputMode="numeric"
        defaultValue={criterion?.maxScore ?? 5}
      />
      <TextField
        name="sortOrder"
        idPrefix={prefix}
        label={t("quality.sortOrder")}
        inputMode="numeric"
        defaultValue={criterion?.sortOrder ?? 0}
      />
      <CheckboxField name="active" idPrefix={prefix} label={t("quality.active")} defaultChecked={criterion?.active ?? true} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("quality.save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
