"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALES } from "@/i18n/locales";
import { formOnlyAction } from "@/lib/actions/action";

/** Public: remembers the reader's language for a year. An unknown language changes nothing. */
export const setLocale = formOnlyAction({
  public: {},
  schema: z.object({ locale: z.enum(LOCALES) }),
  revalidate: ["/", "layout"],
  run: async ({ locale }) => {
    (await cookies()).set(LOCALE_COOKIE, locale, { maxAge: 365 * 24 * 3600, sameSite: "lax", path: "/", httpOnly: true });
  },
});
