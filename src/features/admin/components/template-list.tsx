import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { inputClass } from "@/components/field";
import { TEMPLATE_KINDS } from "@/domain/templates";
import { LOCALES } from "@/i18n/locales";
import type { listCategoriesForAdmin, listTemplates } from "../queries";
import { named } from "@/i18n/named";

type Template = Awaited<ReturnType<typeof listTemplates>>[number];
type Category = Awaited<ReturnType<typeof listCategoriesForAdmin>>[number];

const editLink = (kind: string, locale: string, categoryId: string | null) =>
  `/admin/templates/edit?${new URLSearchParams({ kind, locale, category: categoryId ?? "" }).toString()}`;

/** A template's scope in the reader's language: its category, or every category for a fallback. */
async function categoryNamer() {
  const t = await getTranslations("admin");
  const locale = await getLocale();
  return (c: { nameEn: string; nameId: string } | null) => (c ? named(c, locale) : t("templates.allCategories"));
}

export async function TemplateList({ templates }: { templates: Template[] }) {
  const t = await getTranslations("admin");
  const categoryName = await categoryNamer();
  return (
    <DataTable
      caption={t("templates.list")}
      columns={[
        t("templates.kind"),
        t("templates.category"),
        t("templates.language"),
        t("templates.subject"),
        { key: "edit", label: t("templates.edit"), hidden: true },
      ]}
    >
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
    </DataTable>
  );
}

/** Opens the editor for any kind, category and language, including one that has no template yet. */
export async function OpenTemplateForm({ categories }: { categories: Category[] }) {
  const t = await getTranslations("admin");
  const categoryName = await categoryNamer();
  return (
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
  );
}
