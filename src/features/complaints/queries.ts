import "server-only";
import type { Locale } from "@/i18n/locales";
import { db } from "@/server/db/prisma";
import { named } from "@/i18n/named";

export interface CategoryChoice {
  code: string;
  name: string;
}

export async function listCategoryChoices(locale: Locale): Promise<CategoryChoice[]> {
  const categories = await db().category.findMany({
    where: { active: true },
    orderBy: { sortOrder: "asc" },
    select: { code: true, nameEn: true, nameId: true },
  });
  return categories.map((c) => ({ code: c.code, name: named(c, locale) }));
}
