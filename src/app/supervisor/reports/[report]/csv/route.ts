import { isReportId } from "@/domain/reports/table";
import { requestLocale } from "@/i18n/request";
import { csvResponse } from "@/features/reports/csv-export";
import { loadReportTable, reportText } from "@/features/reports/load-report";
import { resolveReportRequest } from "@/features/reports/report-request";
import { plainResponse, staffForRoute } from "@/server/auth/staff-route";

export const dynamic = "force-dynamic";

/** One report as CSV: the same table the reports page shows for the same query. Supervisors and admins only. */
export async function GET(request: Request, { params }: { params: Promise<{ report: string }> }): Promise<Response> {
  const refused = await staffForRoute("SUPERVISOR");
  if (refused instanceof Response) return refused;
  const { report } = await params;
  if (!isReportId(report)) return plainResponse(404, "No such report.");
  const locale = await requestLocale();
  const now = new Date();
  const { parsed } = await resolveReportRequest(Object.fromEntries(new URL(request.url).searchParams), locale, now);
  const text = reportText(locale);
  if (!parsed.ok) return plainResponse(400, text.t(`errors.${parsed.error}`));
  return csvResponse(await loadReportTable(report, parsed.filter, parsed.range, now, text), parsed.range);
}
