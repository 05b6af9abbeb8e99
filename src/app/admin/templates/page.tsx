import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { inputClass } from "@/components/field";
import { TEMPLATE_KINDS } from "@/domain/templates";
import { AdminPage } from "@/features/admin/components/admin-nav";
import { listCategoriesForAdmin, listTemplates } from "@/features/admin/queries";
import { LOCALES } from "@/i18n/locales";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Admin" };

const editLink = (kind: string, locale: string, categoryId: string | null) =>
  `/admin/templates/edit?${new URLSearchParams({ kind, locale, category: categoryId ?? "" }).toString()}`;

export default async function TemplatesPage() {
  await requireRoleForPage("ADMIN", "/admin/templates");
  const t = await getTranslations("admin");
  const locale = await getLocale();
  const [templates, categories] = await Promise.all([listTemplates(), listCategoriesForAdmin()]);
  const categoryName = (c: { nameEn: string; nameId: string } | null) =>
    c ? (locale === "id" ? c.nameId : c.nameEn) : t("templates.allCategories");
  return (
    <AdminPage current="/admin/templates" title={t("nav.templates")}>
      <p className="text-sm text-slate-600">{t("templates.hint")}</p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="p-3 text-left font-semibold">{t("templates.list")}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t("templates.kind")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("templates.category")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("templates.language")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("templates.subject")}
              </th>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">{t("templates.edit")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {templates.map((tpl) => (
              <tr key={tpl.id} className="border-t border-slate-100">
                <td className="px-3 py-2">{t(`templateKinds.${tpl.kind}`)}</td>
                <td className="px-3 py-2">{categoryName(tpl.category)}</td>
                <td className="px-3 py-2">{t(`locales.${tpl.locale}`)}</td>
                <td className="px-3 py-2">{tpl.subject}</td>
                <td className="px-3 py-2">
                  {/* The accessible name starts with the visible words, so speech input finds it. */}
                  <Link
                    href={editLink(tpl.kind, tpl.locale, tpl.categoryId)}
                    className="text-teal-800 underline hover:text-teal-950"
                    aria-label={`${t("templates.edit")}: ${t(`templateKinds.${tpl.kind}`)}, ${categoryName(tpl.category)}, ${t(`locales.${tpl.locale}`)}`}
                  >
                    {t("templates.edit")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="new-template" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-template" className="text-lg font-semibold">
          {t("templates.open")}
        </h2>
        <form action="/admin/templates/edit" method="get" className="grid gap-3 sm:grid-cols-4 sm:items-end">
          <label className="flex flex-col gap-1 font-medium">
            {t("templates.kind")}
            <select name="kind" className={inputClass}>
              {TEMPLATE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`templateKinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 font-medium">
            {t("templates.category")}
            <select name="category" className={inputClass}>
              <option value="">{t("templates.allCategories")}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {categoryName(c)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 font-medium">
            {t("templates.language")}
            <select name="locale" className={inputClass}>
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {t(`locales.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <div>
            <button
              type="submit"
              className="rounded-md bg-teal-700 px-5 py-2.5 font-semibold text-white shadow hover:bg-teal-800 focus:outline-none focus:ring-2 focus:ring-teal-600 focus:ring-offset-2"
            >
              {t("templates.openButton")}
            </button>
          </div>
        </form>
      </section>
    </AdminPage>
  );
}
