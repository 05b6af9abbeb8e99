import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { QualityView } from "@/features/quality/components/quality-view";
import { drawRandomSample, listAgentScores, listCriteria, listRiskSample } from "@/features/quality/queries";
import { sampleSizeSchema } from "@/features/quality/schemas";
import type { Locale } from "@/i18n/locales";
import { requireRoleForPage } from "@/server/auth/session";
import { ClientMessages } from "@/i18n/client-messages";
import { QUALITY_PAGE } from "@/i18n/client-namespaces";

export const metadata: Metadata = { title: "Quality review" };

export default async function QualityPage({ searchParams }: { searchParams: Promise<{ n?: string }> }) {
  await requireRoleForPage("SUPERVISOR", "/supervisor/quality");
  const size = sampleSizeSchema.parse((await searchParams).n);
  const locale = (await getLocale()) as Locale;
  const now = new Date();
  const [random, risky, criteria, figures] = await Promise.all([
    drawRandomSample(now, size),
    listRiskSample(now),
    listCriteria({ activeOnly: true }),
    listAgentScores(),
  ]);
  return (
    <ClientMessages namespaces={QUALITY_PAGE}>
      <QualityView random={random} risky={risky} size={size} criteria={criteria} figures={figures} locale={locale} />
    </ClientMessages>
  );
}
