import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminPage } from "@/features/admin/components/admin-nav";
import { CreateCategoryForm } from "@/features/admin/components/category-forms";
import { AuthorityLimits, CategoryList } from "@/features/admin/components/category-sections";
import { ProposalRules } from "@/features/admin/components/proposal-sections";
import { RegimeSection } from "@/features/admin/components/regime-sections";
import { listAuthorityLimits, listCategoriesForAdmin, listProposals, listRegimeSettings } from "@/features/admin/queries";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Admin" };

export default async function CategoriesPage() {
  await requireRoleForPage("ADMIN", "/admin/categories");
  const t = await getTranslations("admin");
  const [categories, limits, proposals, regimes] = await Promise.all([
    listCategoriesForAdmin(),
    listAuthorityLimits(),
    listProposals(),
    listRegimeSettings(),
  ]);
  return (
    <AdminPage current="/admin/categories" title={t("nav.categories")}>
      <AuthorityLimits limits={limits} />
      <CategoryList categories={categories} />
      <RegimeSection categories={categories} regimes={regimes} />
      <ProposalRules proposals={proposals} categories={categories} />
      <section aria-labelledby="new-category" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-category" className="text-lg font-semibold">
          {t("categories.create")}
        </h2>
        <CreateCategoryForm />
      </section>
    </AdminPage>
  );
}
