import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import type { AgentLoad } from "../queries";

/**
 * Each active person's open, at-risk and overdue tickets. One row per person, every active one (the
 * ones with nothing open are who a supervisor reassigns to), so the rows carry no class strings: the
 * table sets the figures' alignment and colours by column.
 */
export async function AgentLoadTable({ load }: { load: AgentLoad[] }) {
  const t = await getTranslations("board");
  return (
    <section
      aria-labelledby="load-title"
      className="[&_td+td]:text-right [&_td+td]:tabular-nums [&_td:nth-child(3)]:text-amber-700 [&_td:nth-child(4)]:text-red-700"
    >
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
        dense
        plainRows
      >
        {load.map((a) => (
          <tr key={a.id}>
            <td>{a.name}</td>
            <td>{a.open}</td>
            <td>{a.atRisk}</td>
            <td>{a.overdue}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
