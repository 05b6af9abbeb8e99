import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { RegisterView } from "@/features/regulation/components/register-view";
import { readRegisterPage, readVulnerabilityComparison } from "@/features/regulation/register";
import { parseRegisterParams } from "@/features/regulation/register-schemas";
import { listReportFilterOptions } from "@/features/reports/queries";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Complaint register" };

export default async function ComplaintRegisterPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRoleForPage("SUPERVISOR", "/supervisor/register");
  const locale = await getLocale();
  const t = await getTranslations("regulation");
  const errors = await getTranslations("reports.errors");
  const now = new Date();
  const { categories } = await listReportFilterOptions(locale);
  const parsed = parseRegisterParams(
    await searchParams,
    categories.map((c) => c.code),
    now,
  );
  return (
    <main id="main" className="mx-auto flex max-w-7xl flex-col gap-4 p-4">
      <h1 className="text-2xl font-semibold text-slate-900">{t("registerTitle")}</h1>
      {parsed.ok ? (
        <RegisterView
          {...await readRegisterPage(parsed.filter, now, locale, parsed.before)}
          vulnerability={await readVulnerabilityComparison(parsed.filter, now, locale)}
          range={parsed.range}
          filter={parsed.filter}
          categories={categories}
          locale={locale}
          now={now}
        />
      ) : (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {errors(parsed.error)}
        </p>
      )}
    </main>
  );
}
