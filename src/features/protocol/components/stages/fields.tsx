"use client";

import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/field";
import { useTicketForm } from "../ticket-action-form";

// Fields that keep what the agent typed when a save is refused: each reads the refused form's
// values first, then the ticket's stored value.

export const primary =
  "rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800 focus:outline-none focus:ring-2 focus:ring-teal-600 focus:ring-offset-2";
export const secondary =
  "rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-teal-600";

export function SaveOrMove({ next }: { next: string }) {
  const t = useTranslations("workspace");
  return (
    <div className="flex flex-wrap gap-2">
      <button type="submit" name="intent" value="advance" className={primary} data-shortcut="advance">
        {next}
      </button>
      <button type="submit" name="intent" value="save" className={secondary}>
        {t("save")}
      </button>
    </div>
  );
}

function LanguageNote({ locale }: { locale: string }) {
  const t = useTranslations("workspace");
  return <span className="text-sm font-normal text-slate-600"> — {t("inLanguage", { language: t(`languages.${locale}`) })}</span>;
}

export function TextField({
  name,
  label,
  hint,
  value,
  rows,
  optional,
}: {
  name: string;
  label: string;
  hint?: string;
  value: string | null;
  rows?: number;
  optional?: boolean;
}) {
  const t = useTranslations("complaintForm");
  const { values, errors } = useTicketForm();
  const defaultValue = values[name] ?? value ?? "";
  return (
    <Field name={name} label={label} hint={hint} errors={errors[name]} optionalLabel={optional ? t("optional") : undefined}>
      {(p) =>
        rows ? (
          <textarea {...p} rows={rows} defaultValue={defaultValue} className={inputClass} />
        ) : (
          <input {...p} type="text" defaultValue={defaultValue} className={inputClass} />
        )
      }
    </Field>
  );
}

export function CheckboxField({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  const { values } = useTicketForm();
  // A refused form sends back its values; an unticked box is simply absent from them.
  const refused = Object.keys(values).length > 0;
  return (
    <label className="flex items-center gap-2">
      <input type="checkbox" name={name} defaultChecked={refused ? values[name] === "on" : checked} className="h-4 w-4" />
      {label}
    </label>
  );
}

export function MessageField({
  name,
  id,
  label,
  hint,
  locale,
  fallback,
  rows = 6,
  onText,
}: {
  name: string;
  id?: string;
  label: string;
  hint?: string;
  locale: string;
  fallback: string;
  rows?: number;
  /** Told of every edit, for what is shown beside the text while it is typed. */
  onText?: (text: string) => void;
}) {
  const { values, errors } = useTicketForm();
  return (
    <Field name={name} id={id} label={label} hint={hint} errors={errors[name]}>
      {(p) => (
        <>
          <LanguageNote locale={locale} />
          <textarea
            {...p}
            lang={locale}
            rows={rows}
            defaultValue={values[name] ?? fallback}
            onChange={onText && ((e) => onText(e.target.value))}
            className={inputClass}
          />
        </>
      )}
    </Field>
  );
}

export function SelectField({
  name,
  label,
  value,
  choices,
}: {
  name: string;
  label: string;
  value: string | null;
  choices: [string, string][];
}) {
  const t = useTranslations("workspace");
  const { values, errors } = useTicketForm();
  return (
    <Field name={name} label={label} errors={errors[name]}>
      {(p) => (
        <select {...p} defaultValue={values[name] ?? value ?? ""} className={inputClass}>
          <option value="">{t("choose")}</option>
          {choices.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function RadioField({
  name,
  label,
  value,
  choices,
}: {
  name: string;
  label: string;
  value: string | null;
  choices: [string, string][];
}) {
  const { values, errors } = useTicketForm();
  const current = values[name] ?? value;
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={errors[name] ? `${name}-error` : undefined}>
      <legend className="font-medium text-slate-800">{label}</legend>
      <div className="flex gap-4">
        {choices.map(([v, text]) => (
          <label key={v} className="flex items-center gap-2">
            <input type="radio" name={name} value={v} defaultChecked={current === v} className="h-4 w-4" />
            {text}
          </label>
        ))}
      </div>
      {errors[name] && (
        <p id={`${name}-error`} className="text-sm text-red-700">
          {errors[name].join(" ")}
        </p>
      )}
    </fieldset>
  );
}
