import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EFFECT_WINDOW_DAYS } from "@/domain/root-cause-effect";
import type { Locale } from "@/i18n/locales";
import { named } from "@/i18n/named";
import type { RootCauseActionRow, rootCauseActionChoices } from "../queries";
import { RecordActionForm, StatusForm } from "./action-forms";

export async function ActionsView({
  rows,
  choices,
  locale,
  preset,
}: {
  rows: RootCauseActionRow[];
  choices: Awaited<ReturnType<typeof rootCauseActionChoices>>;
  locale: Locale;
  preset: { categoryId?: string; rootCause?: string };
}) {
  const t = await getTranslations("rootCauseActions");
  const w = await getTranslations("workspace");
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/supervisor/reports" className="text-teal-800 underline">
          {t("backToReports")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro", { days: EFFECT_WINDOW_DAYS })}</p>
      <section aria-labelledby="new-action-title" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-action-title" className="font-semibold">
          {t("create")}
        </h2>
        <RecordActionForm choices={choices} categoryId={preset.categoryId} rootCause={preset.rootCause} />
      </section>
      <section aria-labelledby="actions-title" className="flex flex-col gap-3">
        <h2 id="actions-title" className="text-xl font-semibold">
          {t("listTitle")}
        </h2>
        {rows.length === 0 ? (
          <p className="text-slate-600">{t("empty")}</p>
        ) : (
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col">{t("category")}</th>
                <th scope="col">{t("rootCause")}</th>
                <th scope="col">{t("description")}</th>
                <th scope="col">{t("owner")}</th>
                <th scope="col">{t("dueDate")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("beforePer30")}</th>
                <th scope="col">{t("afterPer30")}</th>
                <th scope="col">{t("effect")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-slate-200 align-top" data-testid="root-cause-action">
                  <td>{named({ nameEn: r.categoryNameEn, nameId: r.categoryNameId }, locale)}</td>
                  <td>{w(`rootCauses.${r.rootCause}`)}</td>
                  <td>{r.description}</td>
                  <td>{r.ownerName}</td>
                  <td>{r.dueDate}</td>
                  <td>
                    {t(`statuses.${r.status}`)}
                    <StatusForm actionId={r.id} status={r.status} />
                  </td>
                  <td>{r.beforePer30 ?? "—"}</td>
                  <td>{r.afterPer30 === null ? "—" : t("afterOver", { rate: r.afterPer30, days: r.afterDays ?? 0 })}</td>
                  <td>{t(`verdicts.${r.verdict}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
