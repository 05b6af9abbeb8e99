import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { OutboxMessageView } from "../queries";
import { OutboxStatusBadge } from "./outbox-status";

/** One mail as plain text: the HTML version is never rendered here, so nothing in it can run. */
export async function OutboxMessage({ message }: { message: OutboxMessageView }) {
  const t = await getTranslations("outbox");
  const format = await getFormatter();
  const time = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "medium" });
  return (
    <article
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
      aria-labelledby="outbox-message-subject"
      data-testid="outbox-message"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="outbox-message-subject" className="text-lg font-semibold">
          {message.subject}
        </h2>
        <Link href="/agent/outbox" className="text-sm text-teal-800 underline">
          {t("close")}
        </Link>
      </div>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("columns.recipient")}</dt>
        <dd>{message.recipient}</dd>
        <dt className="text-slate-600">{t("columns.kind")}</dt>
        <dd>{t.has(`kinds.${message.kind}`) ? t(`kinds.${message.kind}`) : message.kind}</dd>
        <dt className="text-slate-600">{t("columns.status")}</dt>
        <dd>
          <OutboxStatusBadge status={message.status} />
        </dd>
        <dt className="text-slate-600">{t("columns.created")}</dt>
        <dd>{time(message.createdAt)}</dd>
        <dt className="text-slate-600">{t("columns.sent")}</dt>
        <dd>{message.sentAt ? time(message.sentAt) : "—"}</dd>
      </dl>
      <pre className="whitespace-pre-wrap break-words rounded bg-slate-50 p-3 font-sans text-sm text-slate-900">{message.body}</pre>
      {message.html && <p className="text-xs text-slate-600">{t("hasHtml")}</p>}
    </article>
  );
}
