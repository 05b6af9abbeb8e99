import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ReplicaLagNotice } from "@/features/reports/components/replica-lag-notice";
import { ReportsView } from "@/features/reports/components/reports-view";
import { ExternalEscalationReport } from "@/features/regulated/components/external-report";
import { resolveReportRequest } from "@/features/reports/report-request";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Reports" };

export default async function SupervisorReportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRoleForPage("SUPERVISOR", "/supervisor/reports");
  const locale = await getLocale();
  const now = new Date();
  const request = await resolveReportRequest(await searchParams, locale, now);
  const t = await getTranslations("rootCauseActions");
  // Acting on what the reports show: the recurrence report's category x root cause gets an action
  // (with its effectiveness check) and closed complaints get a quality review, each on its own page.
  return (
    <>
      <nav aria-label={t("reportsNavLabel")} className="mb-4 flex flex-wrap gap-4 text-sm">
        <Link href="/supervisor/actions" className="text-teal-800 underline">
          {t("title")}
        </Link>
        <Link href="/supervisor/quality" className="text-teal-800 underline">
          {t("qualityLink")}
        </Link>
      </nav>
      <div className="flex flex-col gap-6">
        <ReplicaLagNotice />
        <ReportsView request={request} locale={locale} now={now} />
        <ExternalEscalationReport />
      </div>
    </>
  );
}
