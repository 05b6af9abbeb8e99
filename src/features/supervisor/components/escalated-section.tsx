import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import type { EscalatedRow } from "../escalations";

/** Tickets waiting for a supervisor's settlement, longest waiting first, whatever their clocks say. */
export async function EscalatedSection({ rows, now }: { rows: EscalatedRow[]; now: Date }) {
  const t = await getTranslations("escalation");
  const board = await getTranslations("board");
  const stages = await getTranslations("stages");
  const format = await getFormatter();
  return (
    <section aria-labelledby="escalated-title" data-testid="board-escalated">
      <DataTable
        labelledBy="escalated-title"
        heading={
          <h2 id="escalated-title" className="border-b border-slate-100 px-3 py-2 font-semibold">
            {t("boardTitle")} <span className="font-normal text-slate-600">({rows.length})</span>
          </h2>
        }
        columns={[t("boardWaiting"), board("ticket"), t("boardSource"), board("stage"), board("assignee"), board("team")]}
        empty={rows.length === 0 ? t("boardEmpty") : undefined}
        plainRows
      >
        {rows.map((r) => (
          <tr key={r.id} data-testid="escalated-row" data-reference={r.reference}>
            <td className="whitespace-nowrap font-semibold text-amber-800">
              {t("boardSince", { relative: format.relativeTime(r.escalatedAt, now) })}
            </td>
            <td>
              <Link href={`/agent/tickets/${r.reference}`} className="font-mono text-teal-800 underline">
                {r.reference}
              </Link>
              <span className="block max-w-xs truncate">{r.subject}</span>
            </td>
            <td>
              {t(`sourceShort.${r.source}`)}
              {r.reason && (
                <span className="block max-w-xs truncate text-slate-600" title={r.reason}>
                  {r.reason}
                </span>
              )}
            </td>
            <td>{stages(r.stage)}</td>
            <td>{r.assigneeName ?? board("unassigned")}</td>
            <td>{r.teamName ?? "—"}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
