import { requestLocale } from "@/i18n/request";
import { loadFieldDefinitions } from "@/features/custom-fields/queries";
import { queueCsv } from "@/features/queue/export";
import { listQueueCategories } from "@/features/queue/queries";
import { parseQueueParams } from "@/features/queue/schemas";
import { staffForRoute } from "@/server/auth/staff-route";

export const dynamic = "force-dynamic";

/** The queue as its filter (the same query string as /agent) shows it, as CSV with the custom fields. Staff only. */
export async function GET(request: Request): Promise<Response> {
  const staff = await staffForRoute("AGENT");
  if (staff instanceof Response) return staff;
  const locale = await requestLocale();
  const [categories, fields] = await Promise.all([listQueueCategories(locale), loadFieldDefinitions()]);
  const { filter } = parseQueueParams(
    Object.fromEntries(new URL(request.url).searchParams),
    categories.map((c) => c.code),
    fields,
  );
  return new Response(await queueCsv(staff.id, filter, fields, locale), {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="tanggap-queue-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
