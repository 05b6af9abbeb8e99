import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import type { AgentLoad } from "../queries";

export async function AgentLoadTable({ load }: { load: AgentLoad[] }) {
  const t = await getTranslations("board");
  return (
    <section aria-labelledby="load-title">
      <DataTable
        labelledBy="load-title"
        heading={
          <h2 id="load-title" className="border-b border-slate-100 px-3 py-2 font-semibold">
            {t("loadTitle")}
          </h2>
        }
        columns={[
          t("person"),
          { key: "open", label: t("open"), numeric: true },
          { key: "atRisk", label: t("atRisk"), numeric: true },
          { key: "overdue", label: t("overdue"), numeric: true },
        ]}
      >
        {load.map((a) => (
          <tr key={a.id} className="border-t border-slate-100">
            <td className="px-3 py-2">{a.name}</td>
            <td className="px-3 py-2 text-right tabular-nums">{a.open}</td>
            <td className="px-3 py-2 text-right tabular-nums text-amber-700">{a.atRisk}</td>
            <td className="px-3 py-2 text-right tabular-nums text-red-700">{a.overdue}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
