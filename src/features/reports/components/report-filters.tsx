import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FilterActions, FilterSelect, filterControlClass, filterLabelClass } from "@/components/filter-select";
import { RANGE_PRESETS } from "@/domain/reports/date-range";
import type { ReportFilterOptions } from "../queries";
import type { ReportFilter } from "../report-sql";
import { reportQueryString } from "../schemas";

/**
 * The period and filters as a plain GET form and preset links: every view is a URL that can be
 * bookmarked, shared and exported. The date fields hold the period shown (or what was sent, when
 * it could not be shown).
 */
export async function ReportFilters({
  filter,
  options,
  from,
  to,
  preset,
  today,
  errorId,
}: {
  filter: ReportFilter;
  options: ReportFilterOptions;
  from: string;
  to: string;
  preset: number | null;
  today: string;
  errorId?: string;
}) {
  const t = await getTranslations("reports");
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3">
      <nav aria-label={t("range.presets")} className="flex flex-wrap gap-2">
        {RANGE_PRESETS.map((days) => (
          <Link
            key={days}
            href={`/supervisor/reports${reportQueryString({ days }, filter)}`}
            aria-current={preset === days ? "page" : undefined}
            className="rounded-full border border-slate-300 px-3 py-0.5 text-sm text-slate-700 hover:border-teal-700 hover:text-teal-800 aria-[current=page]:border-teal-700 aria-[current=page]:bg-teal-700 aria-[current=page]:text-white"
          >
            {t("range.preset", { days })}
          </Link>
        ))}
      </nav>
      <form
        method="get"
        action="/supervisor/reports"
        aria-label={t("filters.label")}
        autoComplete="off"
        className="flex flex-wrap items-end gap-x-3 gap-y-2"
      >
        <fieldset className="flex items-end gap-2">
          <legend className={`${filterLabelClass} mb-1`}>{t("range.legend")}</legend>
          <div className="flex flex-col gap-1">
            <label htmlFor="report-from" className={filterLabelClass}>
              {t("range.from")}
            </label>
            <input
              id="report-from"
              type="date"
              name="from"
              defaultValue={from}
              max={today}
              required
              aria-describedby={errorId}
              className={filterControlClass}
            />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="report-to" className={filterLabelClass}>
              {t("range.to")}
            </label>
            <input
              id="report-to"
              type="date"
              name="to"
              defaultValue={to}
              max={today}
              required
              aria-describedby={errorId}
              className={filterControlClass}
            />
          </div>
        </fieldset>
        <FilterSelect
          id="report-category"
          name="category"
          label={t("filters.category")}
          any={t("filters.anyCategory")}
          value={filter.category}
          options={options.categories.map((c) => ({ value: c.code, name: c.name }))}
        />
        <FilterSelect
          id="report-team"
          name="team"
          label={t("filters.team")}
          any={t("filters.anyTeam")}
          value={filter.teamId}
          options={options.teams.map((x) => ({ value: x.id, name: x.name }))}
        />
        <FilterSelect
          id="report-agent"
          name="agent"
          label={t("filters.agent")}
          any={t("filters.anyAgent")}
          value={filter.agentId}
          options={options.agents.map((x) => ({ value: x.id, name: x.name }))}
        />
        <FilterActions apply={t("filters.apply")} reset={t("filters.reset")} resetHref="/supervisor/reports" />
      </form>
    </div>
  );
}
