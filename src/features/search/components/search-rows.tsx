"use client";

import { TICKET_ROW_CLASS, TicketLinkCell } from "@/features/tickets/components/ticket-row";

/**
 * A search result as the server worked it out, in the request's language: only data, so the page's
 * payload carries the results rather than the rendered rows (which the HTML already holds).
 */
export interface SearchRowView {
  id: string;
  reference: string;
  subject: string;
  customer: string;
  stage: string;
  updated: { iso: string; text: string };
  reason: string;
}

export function SearchRows({ rows }: { rows: SearchRowView[] }) {
  return rows.map((row) => (
    <tr key={row.id} className={TICKET_ROW_CLASS} data-testid="search-row" data-queue-row="" data-reference={row.reference}>
      <TicketLinkCell reference={row.reference} subject={row.subject} subjectWidth="max-w-sm" />
      <td>{row.customer}</td>
      <td>{row.stage}</td>
      <td className="whitespace-nowrap">
        <time dateTime={row.updated.iso}>{row.updated.text}</time>
      </td>
      <td data-testid="search-reason">{row.reason}</td>
    </tr>
  ));
}
