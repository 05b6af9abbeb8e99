// Tickets are numbered by the database; people see the number as TGP-000123.
const PREFIX = "TGP-";
const PATTERN = /^TGP-(\d{6,9})$/i;

export function formatReference(ticketNumber: number): string {
  return PREFIX + String(ticketNumber).padStart(6, "0");
}

/** The ticket number a reference names, or null when it is not a reference. */
export function parseReference(reference: string): number | null {
  const match = PATTERN.exec(reference.trim());
  if (!match?.[1]) return null;
  const n = Number(match[1]);
  return Number.isSafeInteger(n) && n > 0 && n <= 2_147_483_647 ? n : null;
}
