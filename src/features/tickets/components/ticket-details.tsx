import { Fragment } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { givenTextFacts } from "@/features/complaints/facts";
import { named } from "@/i18n/named";
import type { TicketWorkspace } from "../queries";

/** The complaint in the customer's own words, as filed. */
export async function TicketDetails({ ticket }: { ticket: TicketWorkspace }) {
  const t = await getTranslations("ticket");
  const facts = await getTranslations("complaintFacts");
  const asks = await getTranslations("customerAsks");
  const format = await getFormatter();
  const locale = await getLocale();
  return (
    <section aria-labelledby="narrative-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="narrative-title" className="text-lg font-semibold">
        {t("inTheirWords")}
      </h2>
      <p className="mt-2 whitespace-pre-wrap" data-testid="narrative" lang={ticket.locale}>
        {ticket.narrative}
      </p>
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-600">{t("category")}</dt>
        <dd>{named(ticket.category, locale)}</dd>
        <dt className="font-medium text-slate-600">{t("desiredOutcome")}</dt>
        <dd>{ticket.desiredOutcome ?? <span className="text-slate-600 italic">{t("desiredOutcomeNotStated")}</span>}</dd>
        {ticket.customerAsk && (
          <>
            <dt className="font-medium text-slate-600">{t("customerAsk")}</dt>
            <dd data-testid="customer-ask">{asks(ticket.customerAsk)}</dd>
          </>
        )}
        {givenTextFacts(ticket).map((fact) => (
          <Fragment key={fact.name}>
            <dt className="font-medium text-slate-600">{facts(fact.name)}</dt>
            <dd>{fact.value}</dd>
          </Fragment>
        ))}
        {ticket.purchaseDate && (
          <>
            <dt className="font-medium text-slate-600">{t("purchaseDate")}</dt>
            <dd>{format.dateTime(ticket.purchaseDate, { dateStyle: "medium", timeZone: "UTC" })}</dd>
          </>
        )}
        {ticket.amount && (
          <>
            <dt className="font-medium text-slate-600">{t("amount")}</dt>
            <dd>{format.number(Number(ticket.amount), { style: "currency", currency: ticket.currency })}</dd>
          </>
        )}
        <dt className="font-medium text-slate-600">{t("filed")}</dt>
        <dd>{format.dateTime(ticket.createdAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
      </dl>
    </section>
  );
}
