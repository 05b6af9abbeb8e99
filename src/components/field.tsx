import type { ReactNode } from "react";

interface FieldProps {
  name: string;
  /** Needed when two forms on one page have a field of the same name. */
  id?: string;
  label: string;
  hint?: string;
  errors?: string[];
  optionalLabel?: string;
  children: (props: { id: string; name: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}

/** A labelled form control with its hint and errors linked for screen readers. */
export function Field({ name, id: givenId, label, hint, errors, optionalLabel, children }: FieldProps) {
  const id = givenId ?? `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium text-slate-800">
        {label}
        {optionalLabel && <span className="ml-1 text-sm font-normal text-slate-500">({optionalLabel})</span>}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {children({ id, name, "aria-invalid": Boolean(errorId), "aria-describedby": describedBy })}
      {errorId && (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {errors?.join(" ")}
        </p>
      )}
    </div>
  );
}

export const inputClass =
  "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-teal-600 focus:outline-none focus:ring-2 focus:ring-teal-600/30 aria-[invalid=true]:border-red-600";
