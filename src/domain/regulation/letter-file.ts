import { formatReference } from "../reference";

/** The name a sent letter's PDF goes by, downloaded or attached to its mail: reference, kind and day sent. */
export function letterPdfName(ticketNumber: number, kind: string, sentAt: Date): string {
  return `${formatReference(ticketNumber)}-${kind.toLowerCase().replace(/_/g, "-")}-${sentAt.toISOString().slice(0, 10)}.pdf`;
}
