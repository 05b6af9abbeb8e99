"use client";

import { useTranslations } from "next-intl";
import { DeadlineText, type DeadlineView } from "@/components/deadline-text";
import { RegulatoryDeadlineText, type RegulatoryDeadlineView } from "@/features/regulation/components/regulatory-deadline-text";
import { TICKET_ROW_CLASS, TicketLinkCell } from "@/features/tickets/components/ticket-row";
import { ClaimButton } from "./claim-button";
import { BULK_FORM } from "./bulk-form";

/**
 * A queue row as the server worked it out, in the request's language: only data, so the page's
 * payload carries fifty of these rather than fifty rendered rows (which the HTML already holds).
 */
export interface QueueRowView {
  id: string;
  version: number;
  reference: string;
  subject: string;
  customer: string;
  category: string;
  stage: string;
  /** Shown under the subject when not NORMAL. */
  priority: string | null;
  /** The assignee's name, "me", or null for a claim button. */
  assignee: string | null;
  deadline: DeadlineView;
  regulatory: RegulatoryDeadlineView | null;
}

export function QueueRows({ rows }: { rows: QueueRowView[] }) {
  const t = useTranslations("bulk");
  return rows.map((row) => (
    <tr key={row.id} className={TICKET_ROW_CLASS} data-testid="queue-row" data-queue-row="" data-reference={row.reference}>
      <td className="whitespace-nowrap">
        <DeadlineText view={row.deadline} />
        {row.regulatory && <RegulatoryDeadlineText view={row.regulatory} />}
      </td>
      <TicketLinkCell reference={row.reference} subject={row.subject} subjectWidth="max-w-xs">
        {row.priority && <span className="text-xs font-semibold uppercase text-slate-500">{row.priority}</span>}
      </TicketLinkCell>
      <td>{row.customer}</td>
      <td>{row.category}</td>
      <td>{row.stage}</td>
      <td>{row.assignee ?? <ClaimButton ticketId={row.id} />}</td>
      <td>
        <input
          type="checkbox"
          form={BULK_FORM}
          name="tickets"
          value={`${row.id}:${row.version}`}
          data-queue-select=""
          aria-label={t("selectTicket", { reference: row.reference })}
          className="h-4 w-4"
        />
      </td>
    </tr>
  ));
}
