import { getLocale, getTranslations } from "next-intl/server";
import { named } from "@/i18n/named";
import type { listCategoriesForAdmin, listProposals } from "../queries";
import { NewProposalForm, ProposalForm, type ProposalRow } from "./proposal-forms";

type Proposal = Awaited<ReturnType<typeof listProposals>>[number];
type Category = Awaited<ReturnType<typeof listCategoriesForAdmin>>[number];

/** The framework's proposal, rule by rule (category × root cause × ask → option), each editable, then a form for a new scope. */
export async function ProposalRules({ proposals, categories }: { proposals: Proposal[]; categories: Category[] }) {
  const t = await getTranslations("admin");
  const rootCauses = await getTranslations("workspace.rootCauses");
  const asks = await getTranslations("customerAsks");
  const locale = await getLocale();
  const categoryName = (c: { nameEn: string; nameId: string }) => named(c, locale);
  const rows: ProposalRow[] = proposals.map((p) => ({
    id: p.id,
    categoryId: p.categoryId,
    rootCause: p.rootCause,
    ask: p.ask,
    kind: p.kind,
    amountRule: p.amountRule,
    // A rule for any ask (most of them) reads as before; one for an ask names it.
    scope: [
      p.category ? categoryName(p.category) : t("proposals.anyCategory"),
      p.rootCause ? rootCauses(p.rootCause) : t("proposals.anyRootCause"),
      ...(p.ask ? [t("proposals.scopeAsk", { ask: asks(p.ask) })] : []),
    ].join(" × "),
  }));
  return (
    <section aria-labelledby="proposals" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="proposals" className="text-lg font-semibold">
        {t("proposals.title")}
      </h2>
      <p className="text-sm text-slate-600">{t("proposals.hint")}</p>
      {rows.length === 0 && <p className="text-slate-600">{t("proposals.empty")}</p>}
      {rows.map((row) => (
        <ProposalForm key={row.id} proposal={row} />
      ))}
      <h3 className="font-semibold">{t("proposals.add")}</h3>
      <NewProposalForm categories={categories.map((c) => ({ id: c.id, name: categoryName(c) }))} />
    </section>
  );
}
