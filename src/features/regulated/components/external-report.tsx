import { getTranslations } from "next-intl/server";
import { externalEscalationCounts } from "../queries";

/** The supervisors' reports: complaints taken to each outside body, open and decided (all time). */
export async function ExternalEscalationReport() {
  const rows = await externalEscalationCounts();
  const t = await getTranslations("external");
  return (
    <section
      aria-labelledby="external-report-title"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="external-report"
    >
      <h2 id="external-report-title" className="text-lg font-semibold">
        {t("reportTitle")}
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("reportNone")}</p>
      ) : (
        <table className="text-sm">
          <thead>
            <tr className="text-left">
              <th scope="col" className="py-1 pr-4">
                {t("reportBody")}
              </th>
              <th scope="col" className="py-1 pr-4 text-right">
                {t("reportOpen")}
              </th>
              <th scope="col" className="py-1 text-right">
                {t("reportDecided")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.body} data-testid={`external-report-${r.body}`}>
                <th scope="row" className="py-1 pr-4 text-left font-normal">
                  {t(`bodies.${r.body}`)}
                </th>
                <td className="py-1 pr-4 text-right tabular-nums">{r.open}</td>
                <td className="py-1 text-right tabular-nums">{r.decided}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
