"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALES } from "@/i18n/locales";

const schema = z.object({ locale: z.enum(LOCALES) });

/** Public: remembers the reader's language for a year. */
export async function setLocale(formData: FormData): Promise<void> {
  const parsed = schema.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, {
    maxAge: 365 * 24 * 3600,
    sameSite: "lax",
    path: "/",
    httpOnly: true,
  });
  revalidatePath("/", "layout");
}
