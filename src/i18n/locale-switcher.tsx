import { getLocale, getTranslations } from "next-intl/server";
import { LOCALES } from "@/i18n/locales";
import { setLocale } from "./actions";

const NAMES = { en: "English", id: "Bahasa Indonesia" } as const;

export async function LocaleSwitcher() {
  const locale = await getLocale();
  const t = await getTranslations("layout");
  return (
    <form action={setLocale} className="flex items-center gap-1 text-sm" aria-label={t("language")}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          aria-pressed={l === locale}
          className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100 aria-pressed:bg-slate-800 aria-pressed:text-white"
        >
          {NAMES[l]}
        </button>
      ))}
    </form>
  );
}
