import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/locales";
import { named } from "@/i18n/named";
import type { AgentMonthRow, SampleRow, listCriteria } from "../queries";
import { ReviewForm } from "./review-form";

type Criterion = Awaited<ReturnType<typeof listCriteria>>[number];

async function SampleList({
  rows,
  criteria,
  locale,
  showReasons,
}: {
  rows: SampleRow[];
  criteria: Criterion[];
  locale: Locale;
  showReasons: boolean;
}) {
  const t = await getTranslations("quality");
  if (rows.length === 0) return <p className="text-slate-600">{t("noneToReview")}</p>;
  const labelled = criteria.map((c) => ({
    id: c.id,
    maxScore: c.maxScore,
    label: named({ nameEn: c.labelEn, nameId: c.labelId }, locale),
  }));
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  return (
    <ul className="flex flex-col gap-2">
      {rows.map((row) => (
        <li key={row.id} className="rounded-lg border border-slate-200 bg-white p-3" data-testid="quality-sample">
          <details>
            <summary className="cursor-pointer">
              <Link href={`/agent/tickets/${row.reference}`} className="font-semibold text-teal-800 underline">
                {row.reference}
              </Link>{" "}
              {row.subject} · {row.agentName ?? t("unassigned")} · {t("closedOn", { date: date.format(row.closedAt) })}
              {showReasons && row.reasons.length > 0 && (
                <span className="ml-2 text-sm text-amber-800">({row.reasons.map((r) => t(`reasons.${r}`)).join(", ")})</span>
              )}
            </summary>
            <div className="mt-3">
              {criteria.length === 0 ? (
                <p className="text-slate-600">{t("noRubric")}</p>
              ) : (
                <ReviewForm ticketId={row.id} reference={row.reference} criteria={labelled} />
              )}
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}

export async function QualityView({
  random,
  risky,
  size,
  criteria,
  figures,
  locale,
}: {
  random: SampleRow[];
  risky: SampleRow[];
  size: number;
  criteria: Criterion[];
  figures: AgentMonthRow[];
  locale: Locale;
}) {
  const t = await getTranslations("quality");
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <section aria-labelledby="random-title" className="flex flex-col gap-3">
        <h2 id="random-title" className="text-xl font-semibold">
          {t("randomTitle")}
        </h2>
        <form method="get" className="flex items-end gap-2">
          <label className="flex flex-col text-sm font-medium">
            {t("sampleSize")}
            <input name="n" type="number" min={1} max={50} defaultValue={size} className="w-24 rounded border border-slate-300 px-2 py-1" />
          </label>
          <button type="submit" className="rounded bg-teal-700 px-3 py-1.5 text-white">
            {t("draw")}
          </button>
        </form>
        <SampleList rows={random} criteria={criteria} locale={locale} showReasons={false} />
      </section>
      <section aria-labelledby="risk-title" className="flex flex-col gap-3">
        <h2 id="risk-title" className="text-xl font-semibold">
          {t("riskTitle")}
        </h2>
        <SampleList rows={risky} criteria={criteria} locale={locale} showReasons />
      </section>
      <section aria-labelledby="agents-title" className="flex flex-col gap-3">
        <h2 id="agents-title" className="text-xl font-semibold">
          {t("agentsTitle")}
        </h2>
        {figures.length === 0 ? (
          <p className="text-slate-600">{t("noReviews")}</p>
        ) : (
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col">{t("agent")}</th>
                <th scope="col">{t("month")}</th>
                <th scope="col">{t("reviews")}</th>
                <th scope="col">{t("averagePercent")}</th>
              </tr>
            </thead>
            <tbody>
              {figures.map((f) => (
                <tr key={`${f.agentId ?? "none"}-${f.month}`} className="border-b border-slate-200">
                  <td>{f.agentName ?? t("unassigned")}</td>
                  <td>{f.month}</td>
                  <td>{f.reviews}</td>
                  <td>{t("percent", { value: f.averagePercent })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
