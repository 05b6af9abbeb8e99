import { encodeCsv } from "@/domain/reports/csv";
import { tableRecords } from "@/domain/reports/table";
import { requestLocale } from "@/i18n/request";
import { reportText } from "@/features/reports/load-report";
import { csvFileName } from "@/features/reports/csv-export";
import { registerBatches, registerTable } from "@/features/regulation/register";
import { parseRegisterParams } from "@/features/regulation/register-schemas";
import { listReportFilterOptions } from "@/features/reports/queries";
import { plainResponse, staffForRoute } from "@/server/auth/staff-route";

export const dynamic = "force-dynamic";

/**
 * The whole filtered register as CSV, streamed batch by batch (a year of complaints is never held
 * in memory): the same rows and columns the register page shows. Supervisors and admins only.
 */
export async function GET(request: Request): Promise<Response> {
  const refused = await staffForRoute("SUPERVISOR");
  if (refused instanceof Response) return refused;
  const locale = await requestLocale();
  const now = new Date();
  const { categories } = await listReportFilterOptions(locale);
  const parsed = parseRegisterParams(
    Object.fromEntries(new URL(request.url).searchParams),
    categories.map((c) => c.code),
    now,
  );
  if (!parsed.ok) return plainResponse(400, reportText(await requestLocale()).t(`errors.${parsed.error}`));
  const batches = registerBatches(parsed.filter, now, locale);
  const encoder = new TextEncoder();
  let header = true;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        if (header) controller.enqueue(encoder.encode(`\uFEFF${encodeCsv(tableRecords(registerTable([], locale)))}`));
        controller.close();
        return;
      }
      const records = tableRecords(next.value);
      controller.enqueue(encoder.encode(`${header ? "\uFEFF" : ""}${encodeCsv(header ? records : records.slice(1))}`));
      header = false;
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csvFileName("register", parsed.range)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
