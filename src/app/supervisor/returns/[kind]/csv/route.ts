import { parseRange } from "@/domain/reports/date-range";
import { requestLocale } from "@/i18n/request";
import { reportText } from "@/features/reports/load-report";
import { csvResponse } from "@/features/reports/csv-export";
import { readReturn } from "@/features/regulation/register";
import { RETURN_KINDS } from "@/features/regulation/register-schemas";
import { plainResponse, staffForRoute } from "@/server/auth/staff-route";

export const dynamic = "force-dynamic";

/** A regulator's return for a period as CSV: the same table the returns page shows. Supervisors and admins only. */
export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }): Promise<Response> {
  const refused = await staffForRoute("SUPERVISOR");
  if (refused instanceof Response) return refused;
  const { kind } = await params;
  const known = RETURN_KINDS.find((k) => k === kind);
  if (!known) return plainResponse(404, `No such return: choose one of ${RETURN_KINDS.join(", ")}.`);
  const range = parseRange(Object.fromEntries(new URL(request.url).searchParams), new Date());
  if (!range.ok) return plainResponse(400, reportText(await requestLocale()).t(`errors.${range.error}`));
  return csvResponse(await readReturn(known, range.range, await requestLocale()), range.range);
}
