"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { SubmitButton } from "@/components/submit-button";
import { needsAmount, RESOLUTION_KINDS, type ResolutionKind } from "@/domain/resolution";
import { createCategoryAction, saveResolutionOptionAction, setAuthorityLimitAction, updateCategoryAction } from "../actions";
import type { AdminCategory } from "../queries";
import { CheckboxField, SelectField, TextField } from "./fields";

const grid = "grid gap-3 sm:grid-cols-2 lg:grid-cols-4";

export function CreateCategoryForm() {
  const t = useTranslations("admin");
  return (
    <ActionForm action={createCategoryAction} label={t("categories.create")} className={grid}>
      <TextField name="code" idPrefix="new-category" label={t("categories.code")} hint={t("categories.codeHint")} />
      <TextField name="nameEn" idPrefix="new-category" label={t("categories.nameEn")} />
      <TextField name="nameId" idPrefix="new-category" label={t("categories.nameId")} />
      <TextField name="sortOrder" idPrefix="new-category" label={t("categories.sortOrder")} inputMode="numeric" defaultValue={10} />
      <div className="sm:col-span-2 lg:col-span-4">
        <SubmitButton pendingText={t("saving")}>{t("categories.create")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function EditCategoryForm({ category }: { category: AdminCategory }) {
  const t = useTranslations("admin");
  return (
    <ActionForm action={updateCategoryAction} hidden={{ categoryId: category.id }} label={t("categories.edit")} className={grid}>
      <TextField name="nameEn" label={t("categories.nameEn")} defaultValue={category.nameEn} />
      <TextField name="nameId" label={t("categories.nameId")} defaultValue={category.nameId} />
      <TextField name="sortOrder" label={t("categories.sortOrder")} inputMode="numeric" defaultValue={category.sortOrder} />
      <CheckboxField name="active" label={t("categories.activeLabel")} defaultChecked={category.active} />
      <div className="sm:col-span-2 lg:col-span-4">
        <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

type Option = AdminCategory["options"][number];

/** One form per option; a kind not yet offered is added with the same form. */
export function OptionForm({ categoryId, option, freeKinds }: { categoryId: string; option?: Option; freeKinds?: ResolutionKind[] }) {
  const t = useTranslations("admin");
  const prefix = option ? `option-${option.id}` : "new-option";
  const kinds = option ? [option.kind] : (freeKinds ?? RESOLUTION_KINDS);
  return (
    <ActionForm
      action={saveResolutionOptionAction}
      hidden={option ? { categoryId, kind: option.kind } : { categoryId }}
      label={option ? t(`kinds.${option.kind}`) : t("options.add")}
      className={grid}
    >
      {option ? (
        <p className="font-medium sm:col-span-2 lg:col-span-4">
          {t(`kinds.${option.kind}`)}
          {!needsAmount(option.kind) && <span className="ml-2 text-sm font-normal text-slate-600">{t("options.noAmount")}</span>}
        </p>
      ) : (
        <SelectField
          name="kind"
          idPrefix={prefix}
          label={t("options.kind")}
          options={kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
      )}
      <TextField name="labelEn" idPrefix={prefix} label={t("options.labelEn")} defaultValue={option?.labelEn} />
      <TextField name="labelId" idPrefix={prefix} label={t("options.labelId")} defaultValue={option?.labelId} />
      <TextField
        name="defaultAmount"
        idPrefix={prefix}
        label={t("options.defaultAmount")}
        inputMode="decimal"
        defaultValue={option?.defaultAmount}
        hint={t("options.defaultAmountHint")}
      />
      <TextField
        name="sortOrder"
        idPrefix={prefix}
        label={t("categories.sortOrder")}
        inputMode="numeric"
        defaultValue={option?.sortOrder ?? 10}
      />
      <CheckboxField name="active" idPrefix={prefix} label={t("options.activeLabel")} defaultChecked={option?.active ?? true} />
      <div className="sm:col-span-2 lg:col-span-4">
        <SubmitButton pendingText={t("saving")}>{option ? t("save") : t("options.add")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function AuthorityLimitForm({ limit }: { limit: { role: string; maxAmount: string; currency: string } }) {
  const t = useTranslations("admin");
  return (
    <ActionForm
      action={setAuthorityLimitAction}
      hidden={{ role: limit.role }}
      label={t(`roles.${limit.role}`)}
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
    >
      <TextField
        name="maxAmount"
        idPrefix={`limit-${limit.role}`}
        label={t("authority.limitFor", { role: t(`roles.${limit.role}`), currency: limit.currency })}
        inputMode="decimal"
        defaultValue={limit.maxAmount}
      />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
