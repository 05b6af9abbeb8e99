import type { Locale } from "./locales";

/** An admin-made label (a category, a team) as the reader reads it: each is named in both languages. */
export function named(row: { nameEn: string; nameId: string }, locale: Locale | string): string {
  return locale === "id" ? row.nameId : row.nameEn;
}
