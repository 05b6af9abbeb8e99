import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Deadline } from "@/components/deadline";
import { getTicketForAgent } from "@/features/tickets/queries";
import { requireRoleForPage } from "@/server/auth/session";

export async function generateMetadata({ params }: { params: Promise<{ reference: string }> }): Promise<Metadata> {
  return { title: (await params).reference };
}

export default async function TicketPage({ params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  await requireRoleForPage("AGENT", `/agent/tickets/${encodeURIComponent(reference)}`);
  const ticket = await getTicketForAgent(reference);
  if (!ticket) notFound();
  const t = await getTranslations("ticket");
  const stages = await getTranslations("stages");
  const format = await getFormatter();
  const locale = await getLocale();
  const when = (d: Date) => format.dateTime(d, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
  const timeline = [
    ...ticket.messages.map((m) => ({ key: `m-${m.id}`, at: m.createdAt, kind: "message" as const, m })),
    ...ticket.events.map((e) => ({ key: `e-${e.id}`, at: e.createdAt, kind: "event" as const, e })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <div className="flex flex-col gap-5">
        <div>
          <p className="font-mono text-sm text-slate-600">{ticket.reference}</p>
          <h1 className="text-2xl font-bold">{ticket.subject}</h1>
          <p className="mt-1 text-slate-700">
            {stages(ticket.stage)} · {locale === "id" ? ticket.category.nameId : ticket.category.nameEn} ·{" "}
            <Deadline dueAt={ticket.stageDueAt} atRiskAt={ticket.stageAtRiskAt} now={new Date()} paused={ticket.waitingOnCustomer} />
          </p>
        </div>
        <section aria-labelledby="narrative-title" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="narrative-title" className="text-lg font-semibold">
            {t("inTheirWords")}
          </h2>
          <p className="mt-2 whitespace-pre-wrap" data-testid="narrative">
            {ticket.narrative}
          </p>
          <dl className="mt-4 grid gap-2 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-6">
            <dt className="font-medium text-slate-600">{t("desiredOutcome")}</dt>
            <dd>{ticket.desiredOutcome}</dd>
            {ticket.orderNumber && (
              <>
                <dt className="font-medium text-slate-600">{t("orderNumber")}</dt>
                <dd>{ticket.orderNumber}</dd>
              </>
            )}
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
          </dl>
        </section>
        <section aria-labelledby="timeline-title" className="flex flex-col gap-3">
          <h2 id="timeline-title" className="text-lg font-semibold">
            {t("timeline")}
          </h2>
          <ol className="flex flex-col gap-2">
            {timeline.map((item) =>
              item.kind === "message" ? (
                <li key={item.key} className={`rounded-lg border p-3 ${item.m.visibility === "INTERNAL" ? "border-amber-200 bg-amber-50" : "border-slate-200 bg-white"}`}>
                  <p className="text-xs text-slate-600">
                    {item.m.author?.name ?? ticket.customer.name} · {when(item.at)}
                    {item.m.visibility === "INTERNAL" && ` · ${t("internalNote")}`}
                  </p>
                  <p className="mt-1 whitespace-pre-wrap">{item.m.body}</p>
                </li>
              ) : (
                <li key={item.key} className="text-sm text-slate-600">
                  {when(item.at)} — {t.has(`events.${item.e.type}`) ? t(`events.${item.e.type}`) : item.e.type}
                </li>
              ),
            )}
          </ol>
        </section>
      </div>
      <aside className="flex flex-col gap-4">
        <section aria-labelledby="customer-title" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <h2 id="customer-title" className="font-semibold">
            {t("customer")}
          </h2>
          <p className="mt-1">{ticket.customer.name}</p>
          <p className="break-all text-slate-700">{ticket.customer.email}</p>
          {ticket.customer.phone && <p className="text-slate-700">{ticket.customer.phone}</p>}
          <p className="mt-2 text-slate-600">{t("assignee")}: {ticket.assignee?.name ?? t("unassigned")}</p>
        </section>
        <section aria-labelledby="others-title" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <h2 id="others-title" className="font-semibold">
            {t("otherTickets")}
          </h2>
          {ticket.otherTickets.length === 0 ? (
            <p className="mt-1 text-slate-600">{t("noOtherTickets")}</p>
          ) : (
            <ul className="mt-1 flex flex-col gap-1">
              {ticket.otherTickets.map((o) => (
                <li key={o.reference}>
                  <Link href={`/agent/tickets/${o.reference}`} className="font-mono text-teal-800 underline">
                    {o.reference}
                  </Link>{" "}
                  {o.subject} ({stages(o.stage)})
                </li>
              ))}
            </ul>
          )}
        </section>
      </aside>
    </div>
  );
}
