import { getFormatter, getTranslations } from "next-intl/server";
import { todayIn } from "@/domain/reports/date-range";
import type { ReportId, ReportTable } from "@/domain/reports/table";
import { loadReportTable, reportText } from "../load-report";
import type { ReportRequest } from "../report-request";
import { chartBars, type ChartSpec } from "../chart-bars";
import { reportQueryString } from "../schemas";
import { ReportChart } from "./report-chart";
import { ReportFilters } from "./report-filters";
import { ReportTableView } from "./report-table";

// Recurrence first: it is what the reports are for — learning where the business keeps failing.
// Charts only where a shape says more than the figures: trend, compliance, backlog, satisfaction.
const SECTIONS: { id: ReportId; chart?: ChartSpec }[] = [
  {
    id: "recurrence",
    chart: {
      series: [
        { key: "previousPeriod", color: "#94a3b8" },
        { key: "thisPeriod", color: "#0f766e" },
      ],
      labelKeys: ["category", "cause"],
      maxRows: 8,
    },
  },
  {
    id: "sla",
    chart: {
      series: [
        { key: "met", color: "#0f766e" },
        { key: "breached", color: "#b91c1c" },
        { key: "running", color: "#94a3b8" },
      ],
      labelKeys: ["stage"],
      stacked: true,
    },
  },
  { id: "time" },
  {
    id: "backlog",
    chart: {
      series: [
        { key: "under1", color: "#99f6e4" },
        { key: "from1to3", color: "#2dd4bf" },
        { key: "from3to7", color: "#0f766e" },
        { key: "from7to30", color: "#b45309" },
        { key: "over30", color: "#b91c1c" },
      ],
      labelKeys: ["stage"],
      stacked: true,
    },
  },
  {
    id: "satisfaction",
    chart: {
      series: [{ key: "averageRating", color: "#0f766e" }],
      labelKeys: ["category"],
    },
  },
  { id: "resolutions" },
  {
    id: "escalations",
    chart: {
      series: [
        { key: "escalated", color: "#b45309" },
        { key: "settled", color: "#0f766e" },
      ],
      labelKeys: ["source"],
    },
  },
];

export async function ReportsView({ request, locale, now }: { request: ReportRequest; locale: string; now: Date }) {
  const t = await getTranslations("reports");
  const format = await getFormatter();
  const { parsed, options } = request;
  const today = todayIn(now);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium" });
  const lastDay = (end: Date) => day(new Date(end.getTime() - 1));

  let body: React.ReactNode;
  let from: string;
  let to: string;
  if (!parsed.ok) {
    from = parsed.submitted.from ?? "";
    to = parsed.submitted.to ?? "";
    body = (
      <div id="report-range-error" role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
        <p className="font-semibold">{t("errors.title")}</p>
        <p>{t(`errors.${parsed.error}`)}</p>
      </div>
    );
  } else {
    const { range, filter } = parsed;
    from = range.from;
    to = range.to;
    const text = reportText(locale);
    const tables = await Promise.all(SECTIONS.map((s) => loadReportTable(s.id, filter, range, now, text)));
    const exportQuery = reportQueryString(range, filter, true);
    body = (
      <>
        <p className="text-sm text-slate-700" data-testid="report-range">
          {t("range.showing", {
            from: day(range.start),
            to: lastDay(range.end),
            days: range.days,
            previousFrom: day(range.previousStart),
            previousTo: lastDay(range.start),
          })}
        </p>
        {SECTIONS.map((section, i) => (
          <ReportSection
            key={section.id}
            id={section.id}
            table={tables[i]!}
            chart={section.chart}
            exportQuery={exportQuery}
            locale={locale}
            caption={`${t(`${section.id}.title`)} — ${day(range.start)} – ${lastDay(range.end)}`}
          />
        ))}
      </>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("intro")}</p>
      <ReportFilters
        filter={parsed.filter}
        options={options}
        from={from}
        to={to}
        preset={parsed.ok ? parsed.range.preset : null}
        today={today}
        errorId={parsed.ok ? undefined : "report-range-error"}
      />
      {body}
    </div>
  );
}

async function ReportSection({
  id,
  table,
  chart,
  exportQuery,
  locale,
  caption,
}: {
  id: ReportId;
  table: ReportTable;
  chart?: ChartSpec;
  exportQuery: string;
  locale: string;
  caption: string;
}) {
  const t = await getTranslations("reports");
  const title = t(`${id}.title`);
  // The backlog is a snapshot of now; its caption must not claim the period.
  const tableCaption = id === "backlog" ? title : caption;
  const drawn = chart && chartBars(table, chart);
  return (
    <section aria-labelledby={`report-${id}-title`} className="flex flex-col gap-2" data-testid={`report-${id}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`report-${id}-title`} className="text-xl font-semibold">
          {title}
        </h2>
        <a
          href={`/supervisor/reports/${id}/csv${exportQuery}`}
          download
          aria-label={t("downloadCsvOf", { report: title })}
          className="rounded border border-slate-300 bg-white px-2 py-0.5 text-sm text-teal-800 underline hover:bg-slate-50"
        >
          {t("downloadCsv")}
        </a>
      </div>
      <p className="max-w-4xl text-sm text-slate-600">{t(`${id}.description`)}</p>
      {drawn && (
        <ReportChart
          bars={drawn.bars}
          names={drawn.names}
          series={chart.series}
          stacked={chart.stacked}
          locale={locale}
          title={`${title}. ${t("chartNote")}`}
        />
      )}
      <ReportTableView table={table} caption={tableCaption} locale={locale} empty={t("empty")} />
    </section>
  );
}
