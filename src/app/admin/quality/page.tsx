import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { named } from "@/i18n/named";
import { AdminPage } from "@/features/admin/components/admin-nav";
import { CriterionForm } from "@/features/admin/components/criterion-forms";
import { listCriteria } from "@/features/quality/queries";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Admin" };

export default async function QualityRubricPage() {
  await requireRoleForPage("ADMIN", "/admin/quality");
  const t = await getTranslations("admin");
  const locale = await getLocale();
  const criteria = await listCriteria({ activeOnly: false });
  return (
    <AdminPage current="/admin/quality" title={t("nav.quality")}>
      <p className="text-sm text-slate-600">{t("quality.intro")}</p>
      <section aria-labelledby="new-criterion-title" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-criterion-title" className="font-semibold">
          {t("quality.create")}
        </h2>
        <CriterionForm />
      </section>
      {criteria.length === 0 ? (
        <p className="text-slate-600">{t("quality.empty")}</p>
      ) : (
        criteria.map((c) => (
          <details key={c.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="criterion">
            <summary className="cursor-pointer font-semibold">
              {named({ nameEn: c.labelEn, nameId: c.labelId }, locale)} · {t("quality.outOf", { max: c.maxScore })}
              {!c.active && <span className="ml-2 text-sm font-normal text-slate-500">({t("quality.retired")})</span>}
            </summary>
            <div className="mt-3">
              <CriterionForm criterion={c} />
            </div>
          </details>
        ))
      )}
    </AdminPage>
  );
}
