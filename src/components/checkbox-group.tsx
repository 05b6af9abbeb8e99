import type { ReactNode } from "react";

/** A set of checkboxes under one legend, its error linked for screen readers. */
export function CheckboxGroup({
  id,
  name,
  legend,
  options,
  errors,
}: {
  id: string;
  name: string;
  legend: string;
  options: { value: string; label: ReactNode }[];
  errors?: string[];
}) {
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={errorId} aria-invalid={Boolean(errorId)}>
      <legend className="font-medium text-slate-800">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="flex items-start gap-2">
          <input type="checkbox" name={name} value={option.value} className="mt-1" />
          <span>{option.label}</span>
        </label>
      ))}
      {errorId && (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {errors?.join(" ")}
        </p>
      )}
    </fieldset>
  );
}
