import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminPage } from "@/features/admin/components/admin-nav";
import { OpenTemplateForm, TemplateList } from "@/features/admin/components/template-list";
import { listCategoriesForAdmin, listTemplates } from "@/features/admin/queries";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Admin" };

export default async function TemplatesPage() {
  await requireRoleForPage("ADMIN", "/admin/templates");
  const t = await getTranslations("admin");
  const [templates, categories] = await Promise.all([listTemplates(), listCategoriesForAdmin()]);
  return (
    <AdminPage current="/admin/templates" title={t("nav.templates")}>
      <p className="text-sm text-slate-600">{t("templates.hint")}</p>
      <TemplateList templates={templates} />
      <OpenTemplateForm categories={categories} />
    </AdminPage>
  );
}
