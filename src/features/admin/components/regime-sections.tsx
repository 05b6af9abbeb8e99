import { getLocale, getTranslations } from "next-intl/server";
import { REGIME_CODES, REGIMES, type Span } from "@/domain/regulation/regimes";
import { named } from "@/i18n/named";
import type { listCategoriesForAdmin, listRegimeSettings } from "../queries";
import { CategoryRegimeForm, RegimeSettingForm } from "./regime-forms";

type Categories = Awaited<ReturnType<typeof listCategoriesForAdmin>>;
type Settings = Awaited<ReturnType<typeof listRegimeSettings>>;

/**
 * The regulatory regimes (issue 16): which one each category follows, and each regime's numbers
 * with the regulation they come from; the numbers the regulation leaves to the firm are editable.
 */
export async function RegimeSection({ categories, regimes }: { categories: Categories; regimes: Settings }) {
  const t = await getTranslations("admin");
  const locale = await getLocale();
  const span = (s: Span | undefined) =>
    s ? t(s.unit === "working" ? "regimes.workingDays" : "regimes.calendarDays", { days: s.days }) : "—";
  return (
    <section aria-labelledby="regimes" className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="regimes" className="text-lg font-semibold">
        {t("regimes.title")}
      </h2>
      <p className="text-sm text-slate-600">{t("regimes.hint")}</p>
      {categories.map((c) => (
        <CategoryRegimeForm key={c.id} category={c} />
      ))}
      {REGIME_CODES.filter((code) => code !== "NONE").map((code) => {
        const regime = REGIMES[code];
        const calendar = regimes.calendars.find((cal) => cal.region === regime.calendar);
        return (
          <article key={code} aria-labelledby={`regime-${code}-title`} className="flex flex-col gap-2 border-t border-slate-100 pt-3">
            <h3 id={`regime-${code}-title`} className="font-semibold">
              {named(regime, locale)}
            </h3>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt>{t("regimes.finalResponse")}</dt>
              <dd>{span(regime.finalResponse)}</dd>
              {regime.finalResponseSpoken && (
                <>
                  <dt>{t("regimes.finalResponseSpoken")}</dt>
                  <dd>{span(regime.finalResponseSpoken)}</dd>
                </>
              )}
              <dt>{t("regimes.extension")}</dt>
              <dd>{regime.extension ? t("regimes.extensionOf", { span: span(regime.extension), max: regime.extension.max }) : "—"}</dd>
              {regime.paymentServices && (
                <>
                  <dt>{t("regimes.paymentServicesSpan")}</dt>
                  <dd>
                    {t("regimes.paymentServicesOf", {
                      span: span(regime.paymentServices.finalResponse),
                      exceptional: span(regime.paymentServices.exceptional),
                    })}
                  </dd>
                </>
              )}
              <dt>{t("regimes.calendar")}</dt>
              <dd>{calendar ? calendar.name : t("regimes.calendarMissing", { calendar: regime.calendar ?? "" })}</dd>
            </dl>
            <ul className="list-disc pl-5 text-sm">
              {regime.sources.map((source) => (
                <li key={source.url}>
                  {t("regimes.source")}: {/* A cited document keeps its own title, in its own language; the article notes are English. */}
                  <a
                    href={source.url}
                    lang={code === "OJK" || code === "BI" ? "id" : "en"}
                    className="text-teal-800 underline hover:text-teal-950"
                    rel="noreferrer"
                  >
                    {source.title}
                  </a>
                  {source.section && (
                    <p lang="en" className="text-slate-600">
                      {source.section}
                    </p>
                  )}
                </li>
              ))}
            </ul>
            <RegimeSettingForm code={code} setting={regimes.settings.find((s) => s.regime === code) ?? null} />
          </article>
        );
      })}
    </section>
  );
}
