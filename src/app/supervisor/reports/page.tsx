import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
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
  return (
    <div className="flex flex-col gap-6">
      <ReportsView request={request} locale={locale} now={now} />
      <ExternalEscalationReport />
    </div>
  );
}
