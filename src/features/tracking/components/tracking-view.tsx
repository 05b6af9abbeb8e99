import { Fragment, type ReactNode } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { givenTextFacts } from "@/features/complaints/facts";
import { AttachmentList } from "@/features/attachments/components/attachment-list";
import type { AttachmentSummary } from "@/features/attachments/queries";
import type { getTicketByTrackingToken } from "../queries";
import { CustomerReplyForm, RatingForm, ReopenForm } from "./customer-forms";
import { named } from "@/i18n/named";

type TrackedTicket = NonNullable<Awaited<ReturnType<typeof getTicketByTrackingToken>>>;

/**
 * The customer's view of their complaint, reached by the link in their email: where it stands, what
 * they told us, the conversation, and what they can do next (reply, or rate and reopen once closed).
 * The token is the only key, so every file link and form carries it.
 */
export async function TrackingView({
  token,
  ticket,
  attachments,
  regulated,
}: {
  token: string;
  ticket: TrackedTicket;
  attachments: AttachmentSummary[];
  /** The letters we sent and our decision (issue 16), under the status. */
  regulated?: ReactNode;
}) {
  const complaintFiles = attachments.filter((a) => a.messageId === null);
  const messageFiles = new Map<string, AttachmentSummary[]>();
  for (const a of attachments) if (a.messageId) messageFiles.set(a.messageId, [...(messageFiles.get(a.messageId) ?? []), a]);
  const t = await getTranslations("track");
  const facts = await getTranslations("complaintFacts");
  const asks = await getTranslations("customerAsks");
  const format = await getFormatter();
  const locale = await getLocale();
  const money = (m: { value: number; currency: string }) => format.number(m.value, { style: "currency", currency: m.currency });
  const resolution = ticket.resolution && {
    label: named(ticket.resolution, locale),
    amount: ticket.resolution.amount && money(ticket.resolution.amount),
  };
  // The apology leads the closed page; the conversation below does not repeat it.
  const conversation = ticket.messages.filter((m) => m.id !== ticket.apology?.id);
  const when = (d: Date) =>
    format.dateTime(d, { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <div className="flex flex-col gap-1">
        <p className="text-sm text-slate-600">{t("yourComplaint")}</p>
        <h1 className="font-mono text-3xl font-bold" data-testid="reference">
          {ticket.reference}
        </h1>
      </div>
      <section aria-labelledby="status-title" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="status-title" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
          {t("status")}
        </h2>
        <p className="mt-1 text-xl font-semibold" data-testid="stage">
          {ticket.waitingOnCustomer ? t("waitingOnYou") : t(`stages.${ticket.stage}`)}
        </p>
        {ticket.nextReplyBy && <p className="mt-2 text-slate-700">{t("replyBy", { when: when(ticket.nextReplyBy) })}</p>}
        {ticket.regulatory && (
          <p className="mt-2 text-slate-700" data-regulatory-deadline={ticket.regulatory.regime}>
            {t("regulatory", { regime: ticket.regulatory.regime, due: when(ticket.regulatory.dueAt) })}
            {ticket.regulatory.paused && ` ${t("regulatoryPaused")}`}
          </p>
        )}
        {ticket.closedAt && (
          <p className="mt-2 text-slate-700" data-testid="closed-summary">
            {t("closedSummary", {
              date: format.dateTime(ticket.closedAt, { day: "numeric", month: "long" }),
              resolution: resolution?.label ?? "",
              amount: resolution?.amount ?? "",
              outcome: !resolution ? "none" : resolution.amount ? "withAmount" : "plain",
            })}
          </p>
        )}
      </section>
      {regulated}
      {ticket.stage === "CLOSED" && (resolution || ticket.apology) && (
        <section
          aria-labelledby="outcome-title"
          className="flex flex-col gap-3 rounded-lg border border-teal-200 bg-teal-50 p-5"
          data-testid="outcome"
        >
          <h2 id="outcome-title" className="text-lg font-semibold">
            {t("outcomeTitle")}
          </h2>
          {resolution && (
            <p data-testid="resolution">
              {resolution.amount
                ? t("resolutionWithAmount", { resolution: resolution.label, amount: resolution.amount })
                : resolution.label}
            </p>
          )}
          {ticket.apology && (
            <div>
              <p className="text-sm text-slate-600">
                {t("ourApology")} · {when(ticket.apology.at)}
              </p>
              <p className="mt-1 whitespace-pre-wrap" data-testid="apology">
                {ticket.apology.body}
              </p>
            </div>
          )}
        </section>
      )}
      {ticket.stage === "CLOSED" && (
        <section aria-labelledby="rating-title" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="rating-title" className="text-lg font-semibold">
            {t("ratingTitle")}
          </h2>
          {ticket.rating === null ? (
            <RatingForm token={token} />
          ) : (
            <p data-testid="rated">{t("ratedAlready", { rating: ticket.rating })}</p>
          )}
          <details className="mt-2">
            <summary className="cursor-pointer font-medium">{t("reopenTitle")}</summary>
            <div className="mt-3">
              <ReopenForm token={token} />
            </div>
          </details>
        </section>
      )}
      <section aria-labelledby="complaint-title" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="complaint-title" className="text-lg font-semibold">
          {t("whatYouTold")}
        </h2>
        <dl className="grid gap-3 sm:grid-cols-[max-content_1fr] sm:gap-x-6">
          <dt className="font-medium text-slate-600">{t("category")}</dt>
          <dd>{locale === "id" ? ticket.categoryId : ticket.categoryEn}</dd>
          <dt className="font-medium text-slate-600">{t("filed")}</dt>
          <dd>{when(ticket.filedAt)}</dd>
          {givenTextFacts(ticket).map((fact) => (
            <Fragment key={fact.name}>
              <dt className="font-medium text-slate-600">{facts(fact.name)}</dt>
              <dd>{fact.value}</dd>
            </Fragment>
          ))}
          {ticket.amount && (
            <>
              <dt className="font-medium text-slate-600">{t("amount")}</dt>
              <dd data-testid="amount">{format.number(ticket.amount.value, { style: "currency", currency: ticket.amount.currency })}</dd>
            </>
          )}
          <dt className="font-medium text-slate-600">{t("whatHappened")}</dt>
          <dd className="whitespace-pre-wrap" data-testid="narrative">
            {ticket.narrative}
          </dd>
          <dt className="font-medium text-slate-600">{t("desiredOutcome")}</dt>
          <dd className="whitespace-pre-wrap">{ticket.desiredOutcome ?? t("desiredOutcomeNotStated")}</dd>
          {ticket.customerAsk && (
            <>
              <dt className="font-medium text-slate-600">{t("customerAsk")}</dt>
              <dd data-testid="customer-ask">{asks(ticket.customerAsk)}</dd>
            </>
          )}
          {ticket.customFields[locale === "id" ? "id" : "en"].map((answer) => (
            <Fragment key={answer.key}>
              <dt className="font-medium text-slate-600">{answer.label}</dt>
              <dd data-testid={`custom-field-${answer.key}`}>{answer.values.map((v) => v.text).join(", ")}</dd>
            </Fragment>
          ))}
          {complaintFiles.length > 0 && (
            <>
              <dt className="font-medium text-slate-600">{t("yourFiles")}</dt>
              <dd>
                <AttachmentList attachments={complaintFiles} token={token} />
              </dd>
            </>
          )}
        </dl>
      </section>
      {conversation.length > 0 && (
        <section aria-labelledby="messages-title" className="flex flex-col gap-3">
          <h2 id="messages-title" className="text-lg font-semibold">
            {t("messages")}
          </h2>
          <ol className="flex flex-col gap-3">
            {conversation.map((m) => (
              <li
                key={m.id}
                data-testid="message"
                className={`rounded-lg border p-4 ${m.fromCustomer ? "border-slate-200 bg-white" : "border-teal-200 bg-teal-50"}`}
              >
                <p className="text-sm text-slate-600">
                  {m.fromCustomer ? t("you") : t("us")} · {when(m.at)}
                </p>
                <p className="mt-1 whitespace-pre-wrap">{m.body}</p>
                {messageFiles.has(m.id) && (
                  <div className="mt-2">
                    <AttachmentList attachments={messageFiles.get(m.id)!} token={token} />
                  </div>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
      {ticket.stage !== "CLOSED" && (
        <section aria-labelledby="reply-title" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="reply-title" className="text-lg font-semibold">
            {t("replyTitle")}
          </h2>
          <CustomerReplyForm token={token} />
        </section>
      )}
    </div>
  );
}
