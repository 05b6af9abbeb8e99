"use client";

import { useLocale, useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { SubmitButton } from "@/components/submit-button";
import { ROOT_CAUSES } from "@/domain/protocol";
import { named } from "@/i18n/named";
import { SelectField, TextArea, TextField } from "@/features/admin/components/fields";
import { recordRootCauseActionAction, setRootCauseActionStatusAction } from "../actions";

interface Choices {
  categories: { id: string; nameEn: string; nameId: string }[];
  staff: { id: string; name: string }[];
}

/** Records an action against a category × root cause; the page's query may pre-select both. */
export function RecordActionForm({ choices, categoryId, rootCause }: { choices: Choices; categoryId?: string; rootCause?: string }) {
  const t = useTranslations("rootCauseActions");
  const w = useTranslations("workspace");
  const locale = useLocale();
  return (
    <ActionForm action={recordRootCauseActionAction} label={t("create")} className="grid gap-3 sm:grid-cols-2">
      <SelectField
        name="categoryId"
        label={t("category")}
        defaultValue={categoryId ?? choices.categories[0]?.id}
        options={choices.categories.map((c) => ({ value: c.id, label: named(c, locale) }))}
      />
      <SelectField
        name="rootCause"
        label={t("rootCause")}
        defaultValue={rootCause ?? ROOT_CAUSES[0]}
        options={ROOT_CAUSES.map((r) => ({ value: r, label: w(`rootCauses.${r}`) }))}
      />
      <div className="sm:col-span-2">
        <TextArea name="description" label={t("description")} rows={3} />
      </div>
      <SelectField name="ownerId" label={t("owner")} options={choices.staff.map((s) => ({ value: s.id, label: s.name }))} />
      <TextField name="dueDate" type="date" label={t("dueDate")} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** Marks an action done (the effectiveness check counts from that moment) or opens it again. */
export function StatusForm({ actionId, status }: { actionId: string; status: "OPEN" | "DONE" }) {
  const t = useTranslations("rootCauseActions");
  const next = status === "OPEN" ? "DONE" : "OPEN";
  return (
    <ActionForm action={setRootCauseActionStatusAction} hidden={{ actionId, status: next }} className="flex flex-col gap-1">
      <SubmitButton pendingText={t("saving")}>{next === "DONE" ? t("markDone") : t("reopen")}</SubmitButton>
    </ActionForm>
  );
}
