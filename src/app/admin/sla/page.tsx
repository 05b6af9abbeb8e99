import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminPage } from "@/features/admin/components/admin-nav";
import { NewTargetForm, TargetForm } from "@/features/admin/components/sla-forms";
import { listCategoriesForAdmin, listSlaTargets } from "@/features/admin/queries";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Admin" };

export default async function SlaPage() {
  await requireRoleForPage("ADMIN", "/admin/sla");
  const t = await getTranslations("admin");
  const locale = await getLocale();
  const [targets, categories] = await Promise.all([listSlaTargets(), listCategoriesForAdmin()]);
  const categoryName = (c: { nameEn: string; nameId: string }) => (locale === "id" ? c.nameId : c.nameEn);
  const rows = targets.map((target) => ({
    id: target.id,
    categoryId: target.categoryId,
    priority: target.priority,
    stage: target.stage,
    businessMinutes: target.businessMinutes,
    atRiskPercent: target.atRiskPercent,
    scope: [
      t(`stages.${target.stage}`),
      target.category ? categoryName(target.category) : t("sla.allCategories"),
      target.priority ? t(`priorities.${target.priority}`) : t("sla.anyPriority"),
    ].join(" · "),
  }));
  return (
    <AdminPage current="/admin/sla" title={t("nav.sla")}>
      <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="sla-change-rule">
        {t("sla.changeRule")}
      </p>
      <p className="text-sm text-slate-600">{t("sla.hint")}</p>
      <section aria-labelledby="targets" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="targets" className="text-lg font-semibold">
          {t("sla.targets")}
        </h2>
        {rows.map((row) => (
          <TargetForm key={row.id} target={row} />
        ))}
      </section>
      <section aria-labelledby="new-target" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-target" className="text-lg font-semibold">
          {t("sla.add")}
        </h2>
        <NewTargetForm categories={categories.map((c) => ({ id: c.id, name: categoryName(c) }))} />
      </section>
    </AdminPage>
  );
}
