import "server-only";
import { createTranslator } from "use-intl/core";
import type { ReportRange } from "@/domain/reports/date-range";
import type { ReportId, ReportTable } from "@/domain/reports/table";
import en from "../../../messages/en.json";
import id from "../../../messages/id.json";
import { readReport } from "./queries";
import type { ReportFilter, ReportWindow } from "./report-sql";
import { reportTable, type ReportText } from "./report-tables";

export function reportWindow(range: ReportRange, now: Date): ReportWindow {
  return { start: range.start, end: range.end, previousStart: range.previousStart, now };
}

/**
 * The labels of the tables in a language. Made from the catalogues directly rather than the request's
 * next-intl config, so the page, the CSV route and the tests all name things the same way.
 */
export function reportText(locale: string): ReportText {
  const messages = locale === "id" ? id : en;
  const t = createTranslator({ locale, messages, namespace: "reports" });
  const stages = createTranslator({ locale, messages, namespace: "stages" });
  return { locale, t: (key) => t(key as never), stage: (stage) => stages(stage as never) };
}

/** One report as the table the page shows and the CSV holds: the one function behind both. */
export async function loadReportTable(
  report: ReportId,
  filter: ReportFilter,
  range: ReportRange,
  now: Date,
  text: ReportText,
): Promise<ReportTable> {
  return reportTable(report, await readReport(report, filter, reportWindow(range, now)), text);
}
