import { getLocale, getTranslations } from "next-intl/server";
import type { listCategoriesForAdmin, listSlaTargets } from "../queries";
import { NewTargetForm, TargetForm, type TargetRow } from "./sla-forms";
import { named } from "@/i18n/named";

type SlaTarget = Awaited<ReturnType<typeof listSlaTargets>>[number];
type Category = Awaited<ReturnType<typeof listCategoriesForAdmin>>[number];

/** The SLA targets, each named by its scope (stage · category · priority) and editable, then a form for a new one. */
export async function SlaTargets({ targets, categories }: { targets: SlaTarget[]; categories: Category[] }) {
  const t = await getTranslations("admin");
  const locale = await getLocale();
  const categoryName = (c: { nameEn: string; nameId: string }) => named(c, locale);
  const rows: TargetRow[] = targets.map((target) => ({
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
    <>
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
    </>
  );
}
