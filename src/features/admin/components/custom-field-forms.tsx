"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { SubmitButton } from "@/components/submit-button";
import { CUSTOM_FIELD_TYPES, isChoice, type CustomFieldDefinition } from "@/domain/custom-fields";
import { createCustomFieldAction, updateCustomFieldAction } from "../actions";
import { CheckboxField, SelectField, TextArea, TextField } from "./fields";

const grid = "grid gap-3 sm:grid-cols-2 lg:grid-cols-4";
const wide = "sm:col-span-2 lg:col-span-4";

export type AdminCustomField = CustomFieldDefinition & { id: string };

const optionLines = (field: AdminCustomField) =>
  field.options
    .filter((o) => !o.retired)
    .map((o) => `${o.key} | ${o.labelEn} | ${o.labelId}`)
    .join("\n");

export function CreateCustomFieldForm({ categoryId }: { categoryId: string }) {
  const t = useTranslations("admin.fields");
  const admin = useTranslations("admin");
  const p = "new-field";
  return (
    <ActionForm action={createCustomFieldAction} hidden={{ categoryId }} label={t("add")} className={grid}>
      <TextField name="key" idPrefix={p} label={t("key")} hint={t("keyHint")} />
      <SelectField
        name="type"
        idPrefix={p}
        label={t("type")}
        options={CUSTOM_FIELD_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))}
      />
      <TextField name="labelEn" idPrefix={p} label={t("labelEn")} />
      <TextField name="labelId" idPrefix={p} label={t("labelId")} />
      <div className={wide}>
        <TextArea name="options" idPrefix={p} label={t("options")} hint={t("optionsHint")} rows={4} />
      </div>
      <CheckboxField name="customerFacing" idPrefix={p} label={t("customerFacing")} defaultChecked />
      <CheckboxField name="required" idPrefix={p} label={t("required")} defaultChecked={false} />
      <TextField name="sortOrder" idPrefix={p} label={admin("categories.sortOrder")} inputMode="numeric" defaultValue={10} />
      <div className={wide}>
        <SubmitButton pendingText={admin("saving")}>{t("add")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function EditCustomFieldForm({ field }: { field: AdminCustomField }) {
  const t = useTranslations("admin.fields");
  const admin = useTranslations("admin");
  const p = `field-${field.key}`;
  const retired = field.options.filter((o) => o.retired);
  return (
    <ActionForm action={updateCustomFieldAction} hidden={{ fieldId: field.id }} label={field.labelEn} className={grid}>
      <p className={`${wide} font-medium`}>
        <span className="font-mono">{field.key}</span> · {t(`types.${field.type}`)}
        {field.archived && <span className="ml-2 text-sm font-normal text-slate-600">({t("archivedNote")})</span>}
      </p>
      <TextField name="labelEn" idPrefix={p} label={t("labelEn")} defaultValue={field.labelEn} />
      <TextField name="labelId" idPrefix={p} label={t("labelId")} defaultValue={field.labelId} />
      <TextField name="sortOrder" idPrefix={p} label={admin("categories.sortOrder")} inputMode="numeric" defaultValue={field.sortOrder} />
      {isChoice(field.type) && (
        <div className={wide}>
          <TextArea name="options" idPrefix={p} label={t("options")} hint={t("optionsHint")} rows={4} defaultValue={optionLines(field)} />
          {retired.length > 0 && (
            <p className="mt-1 text-sm text-slate-600">
              {t("retiredOptions", { options: retired.map((o) => `${o.key} (${o.labelEn})`).join(", ") })}
            </p>
          )}
        </div>
      )}
      <CheckboxField name="customerFacing" idPrefix={p} label={t("customerFacing")} defaultChecked={field.customerFacing} />
      <CheckboxField name="required" idPrefix={p} label={t("required")} defaultChecked={field.required} />
      <CheckboxField name="archived" idPrefix={p} label={t("archived")} defaultChecked={field.archived} />
      <div className={wide}>
        <SubmitButton pendingText={admin("saving")}>{admin("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
