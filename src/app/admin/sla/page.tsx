import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminPage } from "@/features/admin/components/admin-nav";
import { SlaTargets } from "@/features/admin/components/sla-targets";
import { listCategoriesForAdmin, listSlaTargets } from "@/features/admin/queries";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Admin" };

export default async function SlaPage() {
  await requireRoleForPage("ADMIN", "/admin/sla");
  const t = await getTranslations("admin");
  const [targets, categories] = await Promise.all([listSlaTargets(), listCategoriesForAdmin()]);
  return (
    <AdminPage current="/admin/sla" title={t("nav.sla")}>
      <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="sla-change-rule">
        {t("sla.changeRule")}
      </p>
      <p className="text-sm text-slate-600">{t("sla.hint")}</p>
      <SlaTargets targets={targets} categories={categories} />
    </AdminPage>
  );
}
