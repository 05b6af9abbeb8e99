import "server-only";
import { encodeCsv } from "@/domain/reports/csv";
import type { ReportRange } from "@/domain/reports/date-range";
import { tableRecords, type ReportTable, type TableId } from "@/domain/reports/table";

/** The file name of an export: which report, which days. */
export function csvFileName(report: TableId, range: Pick<ReportRange, "from" | "to">): string {
  return `tanggap-${report}-${range.from}-to-${range.to}.csv`;
}

/** A report table as a CSV download. A byte-order mark first, so spreadsheets read it as UTF-8. */
export function csvResponse(table: ReportTable, range: Pick<ReportRange, "from" | "to">): Response {
  return new Response(`\uFEFF${encodeCsv(tableRecords(table))}`, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csvFileName(table.id, range)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
