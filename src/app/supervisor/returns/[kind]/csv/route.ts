import { isDomainError } from "@/domain/errors";
import { parseRange } from "@/domain/reports/date-range";
import { requestLocale } from "@/i18n/request";
import { reportText } from "@/features/reports/load-report";
import { csvResponse } from "@/features/reports/csv-export";
import { readReturn } from "@/features/regulation/register";
import { RETURN_KINDS } from "@/features/regulation/register-schemas";
import { requireRole } from "@/server/auth/session";

export const dynamic = "force-dynamic";

function plain(status: number, message: string): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}

/** A regulator's return for a period as CSV: the same table the returns page shows. Supervisors and admins only. */
export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }): Promise<Response> {
  try {
    await requireRole("SUPERVISOR");
  } catch (error) {
    if (isDomainError(error, "notSignedIn")) return plain(401, "Sign in to continue.");
    if (isDomainError(error, "forbidden")) return plain(403, "Your role does not allow this.");
    throw error;
  }
  const { kind } = await params;
  const known = RETURN_KINDS.find((k) => k === kind);
  if (!known) return plain(404, `No such return: choose one of ${RETURN_KINDS.join(", ")}.`);
  const range = parseRange(Object.fromEntries(new URL(request.url).searchParams), new Date());
  if (!range.ok) return plain(400, reportText(await requestLocale()).t(`errors.${range.error}`));
  return csvResponse(await readReturn(known, range.range, await requestLocale()), range.range);
}
