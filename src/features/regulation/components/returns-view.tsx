import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { filterControlClass, filterLabelClass } from "@/components/filter-select";
import { todayIn, type ReportRange } from "@/domain/reports/date-range";
import type { ReportTable } from "@/domain/reports/table";
import { ReportTableView } from "@/features/reports/components/report-table";
import { RETURN_KINDS, type ReturnKind } from "../register-schemas";

/** A regulator's return for a period: its figures as a table, and the CSV to file. */
export async function ReturnsView({
  kind,
  table,
  range,
  locale,
  now,
}: {
  kind: ReturnKind;
  table: ReportTable;
  range: ReportRange;
  locale: string;
  now: Date;
}) {
  const t = await getTranslations("regulation");
  const today = todayIn(now);
  const query = `?from=${range.from}&to=${range.to}`;
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label={t("returns.kinds")} className="flex flex-wrap gap-2">
        {RETURN_KINDS.map((k) => (
          <Link
            key={k}
            href={`/supervisor/returns${query}&kind=${k}`}
            aria-current={k === kind ? "page" : undefined}
            className="rounded-full border border-slate-300 px-3 py-0.5 text-sm text-slate-700 hover:border-teal-700 aria-[current=page]:border-teal-700 aria-[current=page]:bg-teal-700 aria-[current=page]:text-white"
          >
            {t(`returns.${k}.name`)}
          </Link>
        ))}
      </nav>
      <form
        method="get"
        action="/supervisor/returns"
        aria-label={t("returns.period")}
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
      >
        <input type="hidden" name="kind" value={kind} />
        <div className="flex flex-col gap-1">
          <label htmlFor="return-from" className={filterLabelClass}>
            {t("returns.from")}
          </label>
          <input id="return-from" type="date" name="from" defaultValue={range.from} max={today} required className={filterControlClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="return-to" className={filterLabelClass}>
            {t("returns.to")}
          </label>
          <input id="return-to" type="date" name="to" defaultValue={range.to} max={today} required className={filterControlClass} />
        </div>
        <button type="submit" className="rounded-md bg-teal-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-teal-800">
          {t("filters.apply")}
        </button>
      </form>
      <p className="text-sm text-slate-700">{t(`returns.${kind}.about`)}</p>
      <p>
        <a href={`/supervisor/returns/${kind}/csv${query}`} className="text-teal-800 underline" data-testid="return-csv">
          {t("downloadCsv")}
        </a>
      </p>
      <ReportTableView
        table={table}
        caption={t("returns.caption", { name: t(`returns.${kind}.name`), from: range.from, to: range.to })}
        locale={locale}
        empty={t("returns.empty")}
      />
    </div>
  );
}
