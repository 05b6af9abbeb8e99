"use client";

import { useLocale, useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/field";
import { activeOptions, type CustomFieldAnswer, type CustomFieldDefinition } from "@/domain/custom-fields";
import { named } from "@/i18n/named";

/**
 * The inputs of some custom fields, named `customFields.<key>` (the schema's path, so each shows
 * its own error). Used by the public form (customer-facing fields of the chosen category) and the
 * workspace (internal ones). Retired options are not offered for new answers: the stored answer
 * that names one is shown beside the form (marked retired) and stays until someone answers anew.
 */
export function CustomFieldInputs({
  fields,
  errors,
  values,
  idPrefix = "cf",
}: {
  fields: readonly CustomFieldDefinition[];
  errors: Record<string, string[]>;
  /** What to show in each input: a refused submission's values, or the stored answers. */
  values: Record<string, CustomFieldAnswer | undefined>;
  idPrefix?: string;
}) {
  const t = useTranslations("customFields");
  const locale = useLocale();
  return (
    <>
      {fields.map((field) => {
        const name = `customFields.${field.key}`;
        const id = `${idPrefix}-${field.key}`;
        const label = named(field, locale);
        const value = values[field.key];
        const optionalLabel = field.required ? undefined : t("optional");
        const fieldErrors = errors[name];
        if (field.type === "MULTI_CHOICE") {
          const chosen = new Set(Array.isArray(value) ? value : value === undefined ? [] : [String(value)]);
          return (
            <fieldset
              key={field.key}
              className="flex flex-col gap-1"
              aria-invalid={Boolean(fieldErrors)}
              aria-describedby={fieldErrors ? `${id}-error` : undefined}
            >
              <legend className="font-medium text-slate-800">
                {label}
                {optionalLabel && <span className="ml-1 text-sm font-normal text-slate-500">({optionalLabel})</span>}
              </legend>
              <div className="flex flex-wrap gap-x-4 gap-y-1">
                {activeOptions(field).map((option) => (
                  <label key={option.key} className="flex items-center gap-2">
                    <input type="checkbox" name={name} value={option.key} defaultChecked={chosen.has(option.key)} className="h-4 w-4" />
                    {named(option, locale)}
                  </label>
                ))}
              </div>
              {fieldErrors && (
                <p id={`${id}-error`} className="text-sm font-medium text-red-700">
                  {fieldErrors.join(" ")}
                </p>
              )}
            </fieldset>
          );
        }
        return (
          <Field key={field.key} name={name} id={id} label={label} errors={fieldErrors} optionalLabel={optionalLabel}>
            {(p) =>
              field.type === "CHOICE" ? (
                <select {...p} defaultValue={value === undefined ? "" : String(value)} className={inputClass}>
                  <option value="">{t("choose")}</option>
                  {activeOptions(field).map((option) => (
                    <option key={option.key} value={option.key}>
                      {named(option, locale)}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...p}
                  type={field.type === "DATE" ? "date" : "text"}
                  inputMode={field.type === "NUMBER" ? "decimal" : undefined}
                  defaultValue={value === undefined ? "" : String(value)}
                  className={inputClass}
                  maxLength={field.type === "TEXT" ? 500 : undefined}
                />
              )
            }
          </Field>
        );
      })}
    </>
  );
}
