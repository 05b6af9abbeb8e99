import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import type { RegulatoryAttentionRow } from "../queries";
import { RegulatoryDeadline } from "./regulatory-deadline";

/** The supervisor board's regulatory section: complaints near or past their regulator's deadline. */
export async function RegulatoryBoard({ rows, now }: { rows: RegulatoryAttentionRow[]; now: Date }) {
  if (rows.length === 0) return null;
  const t = await getTranslations("regulation");
  return (
    <section aria-labelledby="regulatory-board" className="mt-4">
      <DataTable
        labelledBy="regulatory-board"
        heading={
          <h2 id="regulatory-board" className="border-b border-slate-100 px-3 py-2 font-semibold">
            {t("boardTitle")} <span className="font-normal text-slate-600">({rows.length})</span>
          </h2>
        }
        columns={[t("title"), t("ticket")]}
      >
        {rows.map((r) => (
          <tr key={r.reference} className="border-t border-slate-100">
            <td className="px-3 py-2">
              <RegulatoryDeadline clock={r.clock} now={now} />
            </td>
            <td className="px-3 py-2">
              <Link href={`/agent/tickets/${r.reference}`} className="font-mono text-teal-800 underline hover:text-teal-950">
                {r.reference}
              </Link>{" "}
              {r.subject}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
