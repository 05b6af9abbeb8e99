import { isDomainError } from "@/domain/errors";
import { requestLocale } from "@/i18n/request";
import { loadFieldDefinitions } from "@/features/custom-fields/queries";
import { queueCsv } from "@/features/queue/export";
import { listQueueCategories } from "@/features/queue/queries";
import { parseQueueParams } from "@/features/queue/schemas";
import { requireRole } from "@/server/auth/session";

export const dynamic = "force-dynamic";

function plain(status: number, message: string): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}

/** The queue as its filter (the same query string as /agent) shows it, as CSV with the custom fields. Staff only. */
export async function GET(request: Request): Promise<Response> {
  let staff;
  try {
    staff = await requireRole("AGENT");
  } catch (error) {
    if (isDomainError(error, "notSignedIn")) return plain(401, "Sign in to continue.");
    if (isDomainError(error, "forbidden")) return plain(403, "Your role does not allow this.");
    throw error;
  }
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
