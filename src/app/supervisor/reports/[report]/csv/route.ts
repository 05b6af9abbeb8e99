import { isReportId } from "@/domain/reports/table";
import { requestLocale } from "@/i18n/request";
import { csvResponse } from "@/features/reports/csv-export";
import { loadReportTable, reportText } from "@/features/reports/load-report";
import { resolveReportRequest } from "@/features/reports/report-request";
import { isDomainError } from "@/domain/errors";
import { requireRole } from "@/server/auth/session";

export const dynamic = "force-dynamic";

function plain(status: number, message: string): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}

/** One report as CSV: the same table the reports page shows for the same query. Supervisors and admins only. */
export async function GET(request: Request, { params }: { params: Promise<{ report: string }> }): Promise<Response> {
  try {
    await requireRole("SUPERVISOR");
  } catch (error) {
    if (isDomainError(error, "notSignedIn")) return plain(401, "Sign in to continue.");
    if (isDomainError(error, "forbidden")) return plain(403, "Your role does not allow this.");
    throw error;
  }
  const { report } = await params;
  if (!isReportId(report)) return plain(404, "No such report.");
  const locale = await requestLocale();
  const now = new Date();
  const { parsed } = await resolveReportRequest(Object.fromEntries(new URL(request.url).searchParams), locale, now);
  const text = reportText(locale);
  if (!parsed.ok) return plain(400, text.t(`errors.${parsed.error}`));
  return csvResponse(await loadReportTable(report, parsed.filter, parsed.range, now, text), parsed.range);
}
