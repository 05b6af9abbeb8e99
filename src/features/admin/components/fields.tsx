"use client";

import { useActionForm } from "@/components/action-form";
import { Field, inputClass } from "@/components/field";

// Controls for admin forms: each reads its errors, and what was typed before a refusal, from the
// surrounding ActionForm. `idPrefix` keeps ids unique when a page repeats a form per row.

interface Common {
  name: string;
  label: string;
  idPrefix?: string;
  hint?: string;
  defaultValue?: string | number | null;
}

function useControl(name: string, idPrefix?: string) {
  const { errors, values } = useActionForm();
  return { id: idPrefix ? `${idPrefix}-${name}` : undefined, errors: errors[name], value: values[name] };
}

export function TextField({
  name,
  label,
  idPrefix,
  hint,
  defaultValue,
  type = "text",
  autoComplete,
  inputMode,
}: Common & { type?: string; autoComplete?: string; inputMode?: "numeric" | "decimal" | "text" }) {
  const c = useControl(name, idPrefix);
  return (
    <Field name={name} id={c.id} label={label} hint={hint} errors={c.errors}>
      {(p) => (
        <input
          {...p}
          type={type}
          autoComplete={autoComplete}
          inputMode={inputMode}
          defaultValue={c.value ?? defaultValue ?? ""}
          className={inputClass}
        />
      )}
    </Field>
  );
}

export function TextArea({
  name,
  label,
  idPrefix,
  hint,
  defaultValue,
  rows = 6,
  onInput,
}: Common & { rows?: number; onInput?: (value: string) => void }) {
  const c = useControl(name, idPrefix);
  return (
    <Field name={name} id={c.id} label={label} hint={hint} errors={c.errors}>
      {(p) => (
        <textarea
          {...p}
          rows={rows}
          defaultValue={c.value ?? defaultValue ?? ""}
          onInput={onInput ? (e) => onInput(e.currentTarget.value) : undefined}
          className={inputClass}
        />
      )}
    </Field>
  );
}

export function SelectField({
  name,
  label,
  idPrefix,
  hint,
  defaultValue,
  options,
}: Common & { options: { value: string; label: string }[] }) {
  const c = useControl(name, idPrefix);
  return (
    <Field name={name} id={c.id} label={label} hint={hint} errors={c.errors}>
      {(p) => (
        <select {...p} defaultValue={c.value ?? defaultValue ?? ""} className={inputClass}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField({
  name,
  label,
  idPrefix,
  defaultChecked,
}: {
  name: string;
  label: string;
  idPrefix?: string;
  defaultChecked: boolean;
}) {
  const { errors, values } = useActionForm();
  const id = idPrefix ? `${idPrefix}-${name}` : `field-${name}`;
  const refused = Object.keys(values).length > 0;
  const errorId = errors[name]?.length ? `${id}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="flex items-center gap-2 font-medium text-slate-800">
        <input
          id={id}
          name={name}
          type="checkbox"
          defaultChecked={refused ? values[name] === "on" : defaultChecked}
          aria-invalid={Boolean(errorId)}
          aria-describedby={errorId}
          className="h-4 w-4"
        />
        {label}
      </label>
      {errorId && (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {errors[name]?.join(" ")}
        </p>
      )}
    </div>
  );
}

export const secondaryButton =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-teal-600";
