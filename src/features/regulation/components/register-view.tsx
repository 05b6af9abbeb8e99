import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FilterActions, FilterSelect, filterControlClass, filterLabelClass } from "@/components/filter-select";
import { todayIn, type ReportRange } from "@/domain/reports/date-range";
import { REGIME_CODES } from "@/domain/regulation/regimes";
import type { ReportTable } from "@/domain/reports/table";
import { ReportTableView } from "@/features/reports/components/report-table";
import { OUTCOMES, REGISTER_STATUSES, registerQueryString, type RegisterFilter } from "../register-schemas";

/**
 * The complaint register: every field a regulator asks of each complaint, filtered by a GET form so
 * that each view is a URL, with its CSV (the same rows, all of them) one link away.
 */
export async function RegisterView({
  table,
  vulnerability,
  next,
  range,
  filter,
  categories,
  locale,
  now,
}: {
  table: ReportTable;
  vulnerability: ReportTable;
  next: number | null;
  range: ReportRange;
  filter: RegisterFilter;
  categories: { code: string; name: string }[];
  locale: string;
  now: Date;
}) {
  const t = await getTranslations("regulation");
  const tv = await getTranslations("vulnerability.report");
  const today = todayIn(now);
  return (
    <div className="flex flex-col gap-4">
      <form
        method="get"
        action="/supervisor/register"
        aria-label={t("filters.label")}
        className="flex flex-wrap items-end gap-x-3 gap-y-2 rounded-lg border border-slate-200 bg-white p-3"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="register-from" className={filterLabelClass}>
            {t("filters.receivedFrom")}
          </label>
          <input id="register-from" type="date" name="from" defaultValue={range.from} max={today} required className={filterControlClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="register-to" className={filterLabelClass}>
            {t("filters.receivedTo")}
          </label>
          <input id="register-to" type="date" name="to" defaultValue={range.to} max={today} required className={filterControlClass} />
        </div>
        <FilterSelect
          id="register-category"
          name="category"
          label={t("columns.product")}
          any={t("filters.any")}
          value={filter.category}
          options={categories.map((c) => ({ value: c.code, name: c.name }))}
        />
        <FilterSelect
          id="register-regime"
          name="regime"
          label={t("columns.regime")}
          any={t("filters.any")}
          value={filter.regime}
          options={REGIME_CODES.map((code) => ({ value: code, name: t(`regimes.${code}`) }))}
        />
        <FilterSelect
          id="register-status"
          name="status"
          label={t("columns.status")}
          any={t("filters.any")}
          value={filter.status}
          options={REGISTER_STATUSES.map((s) => ({ value: s, name: t(`filters.status.${s}`) }))}
        />
        <FilterSelect
          id="register-outcome"
          name="outcome"
          label={t("columns.outcome")}
          any={t("filters.any")}
          value={filter.outcome}
          options={OUTCOMES.map((o) => ({ value: o, name: t(`outcomes.${o}`) }))}
        />
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="breached" value="1" defaultChecked={filter.breached} /> {t("filters.breached")}
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="external" value="1" defaultChecked={filter.external} /> {t("filters.external")}
        </label>
        <FilterActions apply={t("filters.apply")} reset={t("filters.reset")} resetHref="/supervisor/register" />
      </form>
      <p>
        <a
          href={`/supervisor/register/csv${registerQueryString(range, filter)}`}
          className="text-teal-800 underline"
          data-testid="register-csv"
        >
          {t("downloadCsv")}
        </a>
      </p>
      <ReportTableView
        table={table}
        caption={t("registerCaption", { from: range.from, to: range.to })}
        locale={locale}
        empty={t("empty")}
      />
      <h2 className="text-lg font-semibold text-slate-900">{tv("title")}</h2>
      <ReportTableView
        table={vulnerability}
        caption={tv("caption", { from: range.from, to: range.to })}
        locale={locale}
        empty={t("empty")}
      />
      {next !== null && (
        <Link
          href={`/supervisor/register${registerQueryString(range, filter, next)}`}
          className="self-start text-teal-800 underline"
          data-testid="register-older"
        >
          {t("older")}
        </Link>
      )}
    </div>
  );
}
