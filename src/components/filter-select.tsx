import Link from "next/link";

/** The look of a compact filter bar's controls, shared by its selects, search box and date fields. */
export const filterControlClass =
  "rounded border border-slate-300 bg-white px-2 py-1 text-sm focus:border-teal-700 focus:outline-none focus:ring-2 focus:ring-teal-600/30";
export const filterLabelClass = "text-xs font-medium text-slate-600";

/**
 * One filter of a GET filter form: a labelled select whose first choice, the empty value, means "any".
 * The form's URL is the filter, so the select starts at the value the page was drawn with.
 */
export function FilterSelect({
  id,
  name,
  label,
  any,
  value,
  options,
}: {
  id: string;
  name: string;
  label: string;
  any: string;
  value?: string;
  options: readonly { value: string; name: string }[];
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={filterLabelClass}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={filterControlClass}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What ends a filter form: apply it, or go back to the page unfiltered. */
export function FilterActions({ apply, reset, resetHref }: { apply: string; reset: string; resetHref: string }) {
  return (
    <div className="flex items-center gap-2 pb-0.5">
      <button
        type="submit"
        className="rounded bg-teal-700 px-3 py-1 text-sm font-medium text-white hover:bg-teal-800 focus:outline-none focus:ring-2 focus:ring-teal-600/40"
      >
        {apply}
      </button>
      <Link href={resetHref} className="px-1 text-sm text-slate-700 underline hover:text-teal-800">
        {reset}
      </Link>
    </div>
  );
}
