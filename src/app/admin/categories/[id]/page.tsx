import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminPage } from "@/features/admin/components/admin-nav";
import { EditCategoryForm } from "@/features/admin/components/category-forms";
import { CategoryCustomFields, CategoryOptions } from "@/features/admin/components/category-sections";
import { loadFieldDefinitions } from "@/features/custom-fields/queries";
import { getCategoryForAdmin } from "@/features/admin/queries";
import { requireRoleForPage } from "@/server/auth/session";
import { named } from "@/i18n/named";

export const metadata: Metadata = { title: "Admin" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function CategoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireRoleForPage("ADMIN", `/admin/categories/${id}`);
  if (!UUID.test(id)) notFound();
  const category = await getCategoryForAdmin(id);
  if (!category) notFound();
  const t = await getTranslations("admin");
  const locale = await getLocale();
  return (
    <AdminPage current="/admin/categories" title={`${named(category, locale)} (${category.code})`}>
      <section aria-labelledby="category-edit" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="category-edit" className="text-lg font-semibold">
          {t("categories.edit")}
        </h2>
        <EditCategoryForm category={category} />
      </section>
      <CategoryOptions category={category} />
      <CategoryCustomFields
        categoryId={category.id}
        fields={(await loadFieldDefinitions()).filter((f) => f.categoryId === category.id).map(({ categoryId: _categoryId, ...f }) => f)}
      />
    </AdminPage>
  );
}
