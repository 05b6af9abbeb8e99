import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ApprovalContext as Context } from "@/features/tickets/views";

/**
 * What a supervisor weighs a resolution against before deciding: what the customer asked for, what
 * the agent found and why they chose this, the customer's other complaints, and what complaints of
 * the same category × root cause were granted.
 */
export async function ApprovalContext({ context, currency }: { context: Context; currency: string }) {
  const t = await getTranslations("board.approvalContext");
  const rootCauses = await getTranslations("workspace.rootCauses");
  const tt = await getTranslations("ticket");
  const asks = await getTranslations("customerAsks");
  const format = await getFormatter();
  const locale = await getLocale();
  const money = (value: string | number) => format.number(Number(value), { style: "currency", currency, maximumFractionDigits: 0 });
  const category = locale === "id" ? context.categoryId : context.categoryEn;
  const rootCause = context.rootCause ? rootCauses(context.rootCause) : t("noRootCause");
  return (
    <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]" data-testid="approval-context">
      <dt className="font-medium">{t("ask")}</dt>
      <dd data-testid="approval-ask" className="whitespace-pre-wrap">
        {context.customerAsk && (
          <>
            <span className="font-medium" data-testid="approval-customer-ask">
              {asks(context.customerAsk)}
            </span>
            {": "}
          </>
        )}
        {context.ask ?? tt("desiredOutcomeNotStated")}
        {context.claimed && <span className="text-slate-600"> ({t("claimed", { amount: money(context.claimed) })})</span>}
      </dd>
      <dt className="font-medium">{t("finding")}</dt>
      <dd data-testid="approval-finding" className="whitespace-pre-wrap">
        <span className="font-medium">{rootCause}</span>
        {context.finding && <>: {context.finding}</>}
      </dd>
      <dt className="font-medium">{t("reason")}</dt>
      <dd data-testid="approval-reason" className="whitespace-pre-wrap">
        {context.reason ?? <span className="text-slate-600">{t("noReason")}</span>}
      </dd>
      <dt className="font-medium">{t("earlier")}</dt>
      <dd data-testid="approval-earlier">
        {context.earlier.count === 0 ? (
          t("noEarlier", { name: context.customerName })
        ) : (
          <>
            {t("earlierCount", { count: context.earlier.count, name: context.customerName })}{" "}
            {context.earlier.tickets.map((e, i) => (
              <span key={e.reference}>
                {i > 0 && ", "}
                <Link href={`/agent/tickets/${e.reference}`} className="font-mono text-teal-800 underline">
                  {e.reference}
                </Link>
                {e.stage === "CLOSED" ? "" : ` (${t("open")})`}
              </span>
            ))}
          </>
        )}
      </dd>
      <dt className="font-medium">{t("similar", { category, rootCause })}</dt>
      <dd data-testid="approval-similar">
        {context.similar.count === 0 ? (
          t("noSimilar")
        ) : (
          <>
            {context.similar.median !== null && (
              <span>{t("median", { amount: money(context.similar.median), count: context.similar.count })} </span>
            )}
            {context.similar.latest.map((g, i) => (
              <span key={g.reference}>
                {i > 0 && "; "}
                <Link href={`/agent/tickets/${g.reference}`} className="font-mono text-teal-800 underline">
                  {g.reference}
                </Link>{" "}
                {locale === "id" ? g.optionId : g.optionEn}
                {g.amount !== null && ` ${money(g.amount)}`}
              </span>
            ))}
          </>
        )}
      </dd>
    </dl>
  );
}
