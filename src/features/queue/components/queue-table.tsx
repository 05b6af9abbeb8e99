import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { deadlineView } from "@/components/deadline";
import { regulatoryDeadlineView } from "@/features/regulation/components/regulatory-deadline";
import type { QueueRow } from "../queries";
import { BULK_FORM } from "./bulk-form";
import { ClaimScope } from "./claim-button";
import { QueueRows, type QueueRowView } from "./queue-rows";
import { SelectPage } from "./select-page";

export async function QueueTable({ rows, now, empty, describedBy }: { rows: QueueRow[]; now: Date; empty?: string; describedBy?: string }) {
  const [t, stages, deadline, regulation, format, locale] = await Promise.all([
    getTranslations("queue"),
    getTranslations("stages"),
    getTranslations("deadline"),
    getTranslations("regulation"),
    getFormatter(),
    getLocale(),
  ]);
  if (rows.length === 0) return <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">{empty ?? t("empty")}</p>;
  const views = rows.map((row): QueueRowView => ({
    id: row.id,
    version: row.version,
    reference: row.reference,
    subject: row.subject,
    customer: row.customerName,
    category: locale === "id" ? row.categoryId : row.categoryEn,
    stage: stages(row.stage),
    priority: row.priority === "NORMAL" ? null : t(`priority.${row.priority}`),
    assignee: row.assigneeName ? (row.assignedToMe ? t("me") : row.assigneeName) : null,
    deadline: deadlineView(deadline, format, { dueAt: row.dueAt, atRiskAt: row.atRiskAt, now, paused: row.waitingOnCustomer }),
    regulatory: regulatoryDeadlineView({ regulation, deadline }, format, row.regulatory, now),
  }));
  return (
    <ClaimScope>
      <DataTable
        caption={t("caption")}
        captionHidden
        dense
        plainRows
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
        <QueueRows rows={views} />
      </DataTable>
    </ClaimScope>
  );
}
