import { IANAZone } from "luxon";

/** A zone name the deadline arithmetic can use: IANA names only (Asia/Jakarta), not offsets or abbreviations. */
export function isIanaTimeZone(name: string): boolean {
  return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$|^UTC$/.test(name) && IANAZone.isValidZone(name);
}
