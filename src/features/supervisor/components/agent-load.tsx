import { getTranslations } from "next-intl/server";
import type { AgentLoad } from "../queries";

export async function AgentLoadTable({ load }: { load: AgentLoad[] }) {
  const t = await getTranslations("board");
  return (
    <section aria-labelledby="load-title" className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <h2 id="load-title" className="border-b border-slate-100 px-3 py-2 font-semibold">
        {t("loadTitle")}
      </h2>
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t("person")}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t("open")}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t("atRisk")}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t("overdue")}
            </th>
          </tr>
        </thead>
        <tbody>
          {load.map((a) => (
            <tr key={a.id} className="border-t border-slate-100">
              <td className="px-3 py-2">{a.name}</td>
              <td className="px-3 py-2 text-right tabular-nums">{a.open}</td>
              <td className="px-3 py-2 text-right tabular-nums text-amber-700">{a.atRisk}</td>
              <td className="px-3 py-2 text-right tabular-nums text-red-700">{a.overdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
