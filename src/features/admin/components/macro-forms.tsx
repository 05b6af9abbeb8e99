"use client";

import { useLocale, useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { SubmitButton } from "@/components/submit-button";
import { PRIORITIES } from "@/domain/stages";
import { named } from "@/i18n/named";
import { TEMPLATE_KINDS } from "@/domain/templates";
import type { listMacrosForAdmin } from "../queries";
import { saveMacroAction } from "../actions";
import { CheckboxField, SelectField, TextArea, TextField } from "./fields";

type Choices = Awaited<ReturnType<typeof listMacrosForAdmin>>;
type Macro = Choices["macros"][number];

/** One macro's form: a new one when `macro` is absent. */
export function MacroForm({ macro, choices }: { macro?: Macro; choices: Omit<Choices, "macros"> }) {
  const t = useTranslations("admin");
  const w = useTranslations("workspace");
  const locale = useLocale();
  const prefix = macro ? `macro-${macro.id}` : "new-macro";
  const unchanged = { value: "", label: t("macros.unchanged") };
  const label = macro ? t("macros.edit", { name: named(macro, locale) }) : t("macros.create");
  return (
    <ActionForm action={saveMacroAction} hidden={macro ? { macroId: macro.id } : {}} label={label} className="grid gap-3 sm:grid-cols-2">
      <TextField name="nameEn" idPrefix={prefix} label={t("macros.nameEn")} defaultValue={macro?.nameEn} />
      <TextField name="nameId" idPrefix={prefix} label={t("macros.nameId")} defaultValue={macro?.nameId} />
      <SelectField
        name="teamId"
        idPrefix={prefix}
        label={t("macros.team")}
        defaultValue={macro?.teamId ?? choices.teams[0]?.id}
        options={choices.teams.map((team) => ({ value: team.id, label: named(team, locale) }))}
      />
      <SelectField
        name="templateKind"
        idPrefix={prefix}
        label={t("macros.template")}
        defaultValue={macro?.templateKind ?? ""}
        options={[unchanged, ...TEMPLATE_KINDS.map((k) => ({ value: k, label: w(`templateKinds.${k}`) }))]}
      />
      <SelectField
        name="priority"
        idPrefix={prefix}
        label={t("macros.priority")}
        defaultValue={macro?.priority ?? ""}
        options={[unchanged, ...PRIORITIES.map((p) => ({ value: p, label: w(`priorities.${p}`) }))]}
      />
      <SelectField
        name="assignee"
        idPrefix={prefix}
        label={t("macros.assignee")}
        defaultValue={macro?.assignToSelf ? "self" : (macro?.assigneeId ?? "")}
        options={[
          unchanged,
          { value: "self", label: t("macros.assignSelf") },
          ...choices.staff.map((s) => ({ value: s.id, label: s.name })),
        ]}
      />
      <SelectField
        name="categoryId"
        idPrefix={prefix}
        label={t("macros.category")}
        defaultValue={macro?.categoryId ?? ""}
        options={[unchanged, ...choices.categories.map((c) => ({ value: c.id, label: named(c, locale) }))]}
      />
      <div className="sm:col-span-2">
        <TextArea name="internalNote" idPrefix={prefix} label={t("macros.internalNote")} rows={3} defaultValue={macro?.internalNote} />
      </div>
      <CheckboxField
        name="waitForCustomer"
        idPrefix={prefix}
        label={t("macros.waitForCustomer")}
        defaultChecked={macro?.waitForCustomer ?? false}
      />
      <CheckboxField name="active" idPrefix={prefix} label={t("macros.active")} defaultChecked={macro?.active ?? true} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("macros.save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
