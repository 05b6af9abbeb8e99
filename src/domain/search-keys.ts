// What a staff search's text is, read as each kind of exact key. Each mirrors the SQL function that
// keys the stored column (prisma/migrations/*_staff_search), so both sides of "=" are the same form.

const PHONE_LIKE = /^\+?[\d\s().-]+$/;
const MIN_PHONE_DIGITS = 6;
const TICKET_NUMBER = /^#?(\d{1,9})$/;

/** The ticket number a bare number ("123", "#000123") names, beside the TGP- reference form. */
export function ticketNumberKey(text: string): number | null {
  const match = TICKET_NUMBER.exec(text.trim());
  if (!match?.[1]) return null;
  const n = Number(match[1]);
  return n > 0 && n <= 2_147_483_647 ? n : null;
}

/**
 * Digits, with Indonesia's country code read as the trunk 0 (tanggap_phone_key): "+62 811-2345" and
 * "0811 2345" are one key. Only text that looks like a phone number is one, and only with enough digits
 * not to match half the customers.
 */
export function phoneKey(text: string): string | null {
  if (!PHONE_LIKE.test(text.trim())) return null;
  const digits = text.replace(/\D/g, "");
  if (digits.length < MIN_PHONE_DIGITS) return null;
  return digits.replace(/^620?/, "0");
}

/** Without case, spaces or punctuation (tanggap_order_key): "ORD-778812" is "ord778812". Order numbers have a digit. */
export function orderKey(text: string): string | null {
  const key = text.replace(/[^\p{L}\p{N}]/gu, "").toLowerCase();
  return /\d/.test(key) ? key : null;
}

/** Addresses are stored lower-cased (Customer.email). */
export function emailKey(text: string): string | null {
  const trimmed = text.trim();
  return /^[^\s@]+@[^\s@]+$/.test(trimmed) ? trimmed.toLowerCase() : null;
}
