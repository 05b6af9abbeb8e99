import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { RESOLUTION_KINDS } from "@/domain/resolution";
import { AdminPage } from "@/features/admin/components/admin-nav";
import { EditCategoryForm, OptionForm } from "@/features/admin/components/category-forms";
import { getCategoryForAdmin } from "@/features/admin/queries";
import { requireRoleForPage } from "@/server/auth/session";

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
  const freeKinds = RESOLUTION_KINDS.filter((k) => !category.options.some((o) => o.kind === k));
  return (
    <AdminPage current="/admin/categories" title={`${locale === "id" ? category.nameId : category.nameEn} (${category.code})`}>
      <section aria-labelledby="category-edit" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="category-edit" className="text-lg font-semibold">
          {t("categories.edit")}
        </h2>
        <EditCategoryForm category={category} />
      </section>
      <section aria-labelledby="options" className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="options" className="text-lg font-semibold">
          {t("options.title")}
        </h2>
        <p className="text-sm text-slate-600">{t("options.hint")}</p>
        {category.options.map((option) => (
          <div key={option.id} className="border-b border-slate-100 pb-4">
            <OptionForm categoryId={category.id} option={option} />
          </div>
        ))}
        {freeKinds.length > 0 && (
          <>
            <h3 className="font-semibold">{t("options.add")}</h3>
            <OptionForm categoryId={category.id} freeKinds={freeKinds} />
          </>
        )}
      </section>
    </AdminPage>
  );
}
