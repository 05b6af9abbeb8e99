import type { Locale } from "./locales";

/** An admin-made name (a team, a category, a macro) or label (a resolution option, a custom field), kept in both languages. */
export type Named = { nameEn: string; nameId: string } | { labelEn: string; labelId: string };

/** An admin-made label as the reader reads it: each is named in both languages. */
export function named(row: Named, locale: Locale | string): string {
  if ("nameEn" in row) return locale === "id" ? row.nameId : row.nameEn;
  return locale === "id" ? row.labelId : row.labelEn;
}
