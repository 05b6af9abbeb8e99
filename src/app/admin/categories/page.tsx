import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { ROLES } from "@/domain/roles";
import { AdminPage } from "@/features/admin/components/admin-nav";
import { AuthorityLimitForm, CreateCategoryForm } from "@/features/admin/components/category-forms";
import { listAuthorityLimits, listCategoriesForAdmin } from "@/features/admin/queries";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Admin" };

export default async function CategoriesPage() {
  await requireRoleForPage("ADMIN", "/admin/categories");
  const t = await getTranslations("admin");
  const locale = await getLocale();
  const [categories, limits] = await Promise.all([listCategoriesForAdmin(), listAuthorityLimits()]);
  return (
    <AdminPage current="/admin/categories" title={t("nav.categories")}>
      <section aria-labelledby="authority" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="authority" className="text-lg font-semibold">
          {t("authority.title")}
        </h2>
        <p className="text-sm text-slate-600">{t("authority.hint")}</p>
        {ROLES.map((role) => limits.find((l) => l.role === role) ?? { role, maxAmount: "0", currency: "IDR" }).map((limit) => (
          <AuthorityLimitForm key={limit.role} limit={limit} />
        ))}
      </section>
      <DataTable
        caption={t("categories.list")}
        columns={[t("categories.sortOrder"), t("categories.name"), t("categories.code"), t("categories.options"), t("status")]}
      >
        {categories.map((c) => (
          <tr key={c.id} className="border-t border-slate-100">
            <td className="px-3 py-2">{c.sortOrder}</td>
            <td className="px-3 py-2">
              <Link href={`/admin/categories/${c.id}`} className="text-teal-800 underline hover:text-teal-950">
                {locale === "id" ? c.nameId : c.nameEn}
              </Link>
            </td>
            <td className="px-3 py-2 font-mono">{c.code}</td>
            <td className="px-3 py-2">{c.optionCount}</td>
            <td className="px-3 py-2">{c.active ? t("active") : t("categories.inactive")}</td>
          </tr>
        ))}
      </DataTable>
      <section aria-labelledby="new-category" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-category" className="text-lg font-semibold">
          {t("categories.create")}
        </h2>
        <CreateCategoryForm />
      </section>
    </AdminPage>
  );
}
