"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { SubmitButton } from "@/components/submit-button";
import { PRIORITIES } from "@/domain/stages";
import { deleteSlaTargetAction, saveSlaTargetAction } from "../actions";
import { TIMED_STAGES } from "../schemas";
import { SelectField, TextField, secondaryButton } from "./fields";

export interface TargetRow {
  id: string;
  categoryId: string | null;
  priority: string | null;
  stage: string;
  businessMinutes: number;
  atRiskPercent: number;
  scope: string;
}

/** A target's business time as hours and minutes, the way people say it. */
function DurationFields({ idPrefix, minutes }: { idPrefix: string; minutes?: number }) {
  const t = useTranslations("admin");
  return (
    <fieldset className="flex gap-2">
      <legend className="sr-only">{t("sla.target")}</legend>
      <TextField
        name="targetHours"
        idPrefix={idPrefix}
        label={t("sla.hours")}
        inputMode="numeric"
        defaultValue={minutes === undefined ? undefined : Math.floor(minutes / 60)}
      />
      <TextField
        name="targetMinutes"
        idPrefix={idPrefix}
        label={t("sla.minutesPart")}
        inputMode="numeric"
        defaultValue={minutes === undefined ? undefined : minutes % 60}
      />
    </fieldset>
  );
}

/** Edits one row's numbers; its category, priority and stage are what identify it. */
export function TargetForm({ target }: { target: TargetRow }) {
  const t = useTranslations("admin");
  const prefix = `target-${target.id}`;
  const fallback = target.categoryId === null && target.priority === null;
  return (
    <div className="flex flex-col gap-2 border-b border-slate-100 pb-3 sm:flex-row sm:items-end sm:gap-4">
      <ActionForm
        action={saveSlaTargetAction}
        hidden={{ categoryId: target.categoryId ?? "", priority: target.priority ?? "", stage: target.stage }}
        label={target.scope}
        className="flex flex-1 flex-col gap-2 sm:flex-row sm:items-end sm:gap-4"
      >
        <p className="min-w-48 font-medium sm:pb-2">{target.scope}</p>
        <DurationFields idPrefix={prefix} minutes={target.businessMinutes} />
        <TextField name="atRiskPercent" idPrefix={prefix} label={t("sla.atRisk")} inputMode="numeric" defaultValue={target.atRiskPercent} />
        <div>
          <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
        </div>
      </ActionForm>
      {!fallback && (
        <ActionForm action={deleteSlaTargetAction} hidden={{ targetId: target.id }} label={t("sla.remove")}>
          <button type="submit" className={secondaryButton} aria-label={`${t("sla.remove")}: ${target.scope}`}>
            {t("sla.remove")}
          </button>
        </ActionForm>
      )}
    </div>
  );
}

export function NewTargetForm({ categories }: { categories: { id: string; name: string }[] }) {
  const t = useTranslations("admin");
  return (
    <ActionForm action={saveSlaTargetAction} label={t("sla.add")} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
      <SelectField
        name="categoryId"
        idPrefix="new-target"
        label={t("sla.category")}
        options={[{ value: "", label: t("sla.allCategories") }, ...categories.map((c) => ({ value: c.id, label: c.name }))]}
      />
      <SelectField
        name="priority"
        idPrefix="new-target"
        label={t("sla.priority")}
        options={[{ value: "", label: t("sla.anyPriority") }, ...PRIORITIES.map((p) => ({ value: p, label: t(`priorities.${p}`) }))]}
      />
      <SelectField
        name="stage"
        idPrefix="new-target"
        label={t("sla.stage")}
        options={TIMED_STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
      />
      <DurationFields idPrefix="new-target" />
      <TextField name="atRiskPercent" idPrefix="new-target" label={t("sla.atRisk")} inputMode="numeric" defaultValue={75} />
      <div className="sm:col-span-2 lg:col-span-5">
        <SubmitButton pendingText={t("saving")}>{t("sla.add")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
