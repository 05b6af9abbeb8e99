import { TICKET_ROW_CLASS, TicketLinkCell } from "@/features/tickets/components/ticket-row";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { Deadline } from "@/components/deadline";
import { RegulatoryDeadline } from "@/features/regulation/components/regulatory-deadline";
import type { QueueRow } from "../queries";
import { ClaimButton } from "./claim-button";
import { BULK_FORM } from "./queue-bulk";
import { SelectPage } from "./select-page";

export async function QueueTable({ rows, now, empty, describedBy }: { rows: QueueRow[]; now: Date; empty?: string; describedBy?: string }) {
  const t = await getTranslations("queue");
  const stages = await getTranslations("stages");
  const bulk = await getTranslations("bulk");
  const locale = await getLocale();
  if (rows.length === 0) return <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">{empty ?? t("empty")}</p>;
  return (
    <DataTable
      caption={t("caption")}
      captionHidden
      dense
      describedBy={describedBy}
      columns={[
        t("columns.deadline"),
        t("columns.ticket"),
        t("columns.customer"),
        t("columns.category"),
        t("columns.stage"),
        t("columns.assignee"),
        // Last, so the columns before it keep their places.
        { key: "select", label: <SelectPage form={BULK_FORM} />, className: "w-8" },
      ]}
    >
      {rows.map((row) => (
        <tr key={row.id} className={TICKET_ROW_CLASS} data-testid="queue-row" data-queue-row="" data-reference={row.reference}>
          <td className="whitespace-nowrap px-3 py-1.5">
            <Deadline dueAt={row.dueAt} atRiskAt={row.atRiskAt} now={now} paused={row.waitingOnCustomer} />
            <RegulatoryDeadline clock={row.regulatory} now={now} />
          </td>
          <TicketLinkCell reference={row.reference} subject={row.subject} subjectWidth="max-w-xs">
            {row.priority !== "NORMAL" && (
              <span className="text-xs font-semibold uppercase text-slate-500">{t(`priority.${row.priority}`)}</span>
            )}
          </TicketLinkCell>
          <td className="px-3 py-1.5">{row.customerName}</td>
          <td className="px-3 py-1.5">{locale === "id" ? row.categoryId : row.categoryEn}</td>
          <td className="px-3 py-1.5">{stages(row.stage)}</td>
          <td className="px-3 py-1.5">
            {row.assigneeName ? row.assignedToMe ? t("me") : row.assigneeName : <ClaimButton ticketId={row.id} />}
          </td>
          <td className="px-3 py-1.5">
            <input
              type="checkbox"
              form={BULK_FORM}
              name="tickets"
              value={`${row.id}:${row.version}`}
              data-queue-select=""
              aria-label={bulk("selectTicket", { reference: row.reference })}
              className="h-4 w-4"
            />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
