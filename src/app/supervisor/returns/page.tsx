import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { parseRange } from "@/domain/reports/date-range";
import { ReturnsView } from "@/features/regulation/components/returns-view";
import { readReturn } from "@/features/regulation/register";
import { RETURN_KINDS, type ReturnKind } from "@/features/regulation/register-schemas";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Regulatory returns" };

export default async function RegulatoryReturnsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRoleForPage("SUPERVISOR", "/supervisor/returns");
  const locale = await getLocale();
  const t = await getTranslations("regulation");
  const errors = await getTranslations("reports.errors");
  const now = new Date();
  const params = await searchParams;
  const kind: ReturnKind = RETURN_KINDS.find((k) => k === params.kind) ?? "ojk";
  const range = parseRange(params, now);
  return (
    <main id="main" className="mx-auto flex max-w-7xl flex-col gap-4 p-4">
      <h1 className="text-2xl font-semibold text-slate-900">{t("returns.title")}</h1>
      {range.ok ? (
        <ReturnsView kind={kind} table={await readReturn(kind, range.range, locale)} range={range.range} locale={locale} now={now} />
      ) : (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {errors(range.error)}
        </p>
      )}
    </main>
  );
}
