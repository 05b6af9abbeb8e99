"use client";

import { useLocale, useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { SubmitButton } from "@/components/submit-button";
import { REGIME_CODES, REGIMES, type RegimeCode } from "@/domain/regulation/regimes";
import { named } from "@/i18n/named";
import { saveRegimeSettingAction, setCategoryRegimeAction } from "../actions";
import { CheckboxField, SelectField, TextField } from "./fields";

/** The regime a category's complaints are handled under, and whether they are about payment services (FCA only). */
export function CategoryRegimeForm({
  category,
}: {
  category: { id: string; nameEn: string; nameId: string; regime: RegimeCode; paymentServices: boolean };
}) {
  const t = useTranslations("admin");
  const locale = useLocale();
  return (
    <ActionForm
      action={setCategoryRegimeAction}
      hidden={{ categoryId: category.id }}
      label={t("regimes.forCategory", { category: named(category, locale) })}
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
    >
      <SelectField
        name="regime"
        idPrefix={`regime-${category.id}`}
        label={t("regimes.forCategory", { category: named(category, locale) })}
        defaultValue={category.regime}
        options={REGIME_CODES.map((code) => ({ value: code, label: named(REGIMES[code], locale) }))}
      />
      <CheckboxField
        name="paymentServices"
        idPrefix={`regime-${category.id}`}
        label={t("regimes.paymentServices")}
        defaultChecked={category.paymentServices}
      />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** The numbers a regime leaves to the firm: the warning before the deadline, the acknowledgement, counting from completeness, the four-eyes redress amount. */
export function RegimeSettingForm({
  code,
  setting,
}: {
  code: RegimeCode;
  setting: {
    warnBeforeDays: number | null;
    acknowledgeDays: number | null;
    countsFromComplete: boolean | null;
    fourEyesRedressAbove: string | null;
  } | null;
}) {
  const t = useTranslations("admin");
  const regime = REGIMES[code];
  return (
    <ActionForm
      action={saveRegimeSettingAction}
      hidden={{ regime: code }}
      label={t("regimes.settingsOf", { regime: code })}
      className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end"
    >
      <TextField
        name="warnBeforeDays"
        idPrefix={`regime-${code}`}
        inputMode="numeric"
        label={t("regimes.warnBefore", { days: regime.warnBefore.days })}
        defaultValue={setting?.warnBeforeDays?.toString() ?? ""}
      />
      {regime.acknowledge?.policy && (
        <TextField
          name="acknowledgeDays"
          idPrefix={`regime-${code}`}
          inputMode="numeric"
          label={t("regimes.acknowledge", { days: regime.acknowledge.days })}
          defaultValue={setting?.acknowledgeDays?.toString() ?? ""}
        />
      )}
      {regime.countsFromComplete !== undefined && (
        <CheckboxField
          name="countsFromComplete"
          idPrefix={`regime-${code}`}
          label={t("regimes.countsFromComplete")}
          defaultChecked={setting?.countsFromComplete ?? regime.countsFromComplete}
        />
      )}
      {code !== "NONE" && (
        <TextField
          name="fourEyesRedressAbove"
          idPrefix={`regime-${code}`}
          inputMode="decimal"
          label={t("regimes.fourEyesRedressAbove")}
          defaultValue={setting?.fourEyesRedressAbove ?? ""}
        />
      )}
      <div>
        <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
