import Link from "next/link";
import type { ReactNode } from "react";

// A ticket as a row of a staff list (the queue, the search results): the row's look, and its
// first cell — the reference that opens the workspace and the subject under it. The queue's
// keyboard (j/k, Enter) finds rows and links by their data-queue-* attributes.

export const TICKET_ROW_CLASS =
  "border-t border-slate-100 align-top focus-within:bg-teal-50/60 data-[selected=true]:bg-teal-50 data-[selected=true]:shadow-[inset_3px_0_0_var(--color-teal-700)]";

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
    <td className="px-3 py-1.5">
      <Link
        href={`/agent/tickets/${reference}`}
        data-queue-link=""
        className="rounded-sm font-mono text-teal-800 underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600"
      >
        {reference}
      </Link>
      <span className={`block ${subjectWidth} truncate text-slate-700`} title={subject}>
        {subject}
      </span>
      {children}
    </td>
  );
}
