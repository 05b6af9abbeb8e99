import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { named } from "@/i18n/named";
import { AdminPage } from "@/features/admin/components/admin-nav";
import { MacroForm } from "@/features/admin/components/macro-forms";
import { listMacrosForAdmin } from "@/features/admin/queries";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Admin" };

export default async function MacrosPage() {
  await requireRoleForPage("ADMIN", "/admin/macros");
  const t = await getTranslations("admin");
  const locale = await getLocale();
  const { macros: stored, ...choices } = await listMacrosForAdmin();
  // Grouped by team, each in the reader's language.
  const macros = stored.toSorted(
    (a, b) =>
      named(a.team, locale).localeCompare(named(b.team, locale), locale) || named(a, locale).localeCompare(named(b, locale), locale),
  );
  return (
    <AdminPage current="/admin/macros" title={t("nav.macros")}>
      <p className="text-sm text-slate-600">{t("macros.intro")}</p>
      <section aria-labelledby="new-macro-title" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-macro-title" className="font-semibold">
          {t("macros.create")}
        </h2>
        <MacroForm choices={choices} />
      </section>
      {macros.length === 0 ? (
        <p className="text-slate-600">{t("macros.empty")}</p>
      ) : (
        macros.map((macro) => (
          <details key={macro.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="macro">
            <summary className="cursor-pointer font-semibold">
              {named(macro, locale)} · {named(macro.team, locale)}
              {!macro.active && <span className="ml-2 text-sm font-normal text-slate-500">({t("macros.retired")})</span>}
            </summary>
            <div className="mt-3">
              <MacroForm macro={macro} choices={choices} />
            </div>
          </details>
        ))
      )}
    </AdminPage>
  );
}
