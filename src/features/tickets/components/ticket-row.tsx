import Link from "next/link";
import type { ReactNode } from "react";

// A ticket as a row of a staff list (the queue, the search results; a DataTable with plainRows):
// the row's look (the ticket-row class of globals.css), and its first cell — the reference
// that opens the workspace and the subject under it. The queue's keyboard (j/k, Enter) finds rows
// and links by their data-queue-* attributes. No hooks, so rows rendered in the browser use it too.

export const TICKET_ROW_CLASS = "ticket-row";

export function TicketLinkCell({
  reference,
  subject,
  subjectWidth,
  children,
}: {
  reference: string;
  subject: string;
  subjectWidth: "max-w-xs" | "max-w-sm";
  children?: ReactNode;
}) {
  return (
    <td>
      <Link href={`/agent/tickets/${reference}`} data-queue-link="" className="ticket-link">
        {reference}
      </Link>
      <span className={`block ${subjectWidth} truncate text-slate-700`} title={subject}>
        {subject}
      </span>
      {children}
    </td>
  );
}
