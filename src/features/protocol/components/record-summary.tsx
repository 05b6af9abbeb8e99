"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { Stage } from "@/domain/stages";
import type { TicketWorkspace } from "@/features/tickets/queries";
import { named } from "@/i18n/named";

const ORDER: Stage[] = ["NEW", "LISTEN", "UNDERSTAND", "RESOLVE", "APOLOGISE", "CLOSED"];
const after = (stage: Stage, done: Stage) => ORDER.indexOf(stage) > ORDER.indexOf(done);

/**
 * What the earlier stages recorded, so a later one is worked with it in view: the restatement
 * once past LISTEN, the cause and finding once past UNDERSTAND, the resolution once past RESOLVE.
 * The running stage's own answers are in its form, not here.
 */
export function RecordSummary({ ticket }: { ticket: TicketWorkspace }) {
  const t = useTranslations("workspace");
  const format = useFormatter();
  const locale = useLocale();
  const items: { key: string; label: string; value: string }[] = [];
  if (after(ticket.stage, "LISTEN")) {
    if (ticket.restatement) items.push({ key: "restatement", label: t("listen.restatement"), value: ticket.restatement });
    if (ticket.severity)
      items.push({
        key: "severity",
        label: t("listen.severity"),
        value: [t(`severities.${ticket.severity}`), ticket.safetyRisk ? t("record.safetyRisk") : null].filter(Boolean).join(" · "),
      });
  }
  if (after(ticket.stage, "UNDERSTAND")) {
    if (ticket.rootCause) items.push({ key: "rootCause", label: t("understand.rootCause"), value: t(`rootCauses.${ticket.rootCause}`) });
    if (ticket.finding) items.push({ key: "finding", label: t("understand.finding"), value: ticket.finding });
  }
  if (after(ticket.stage, "RESOLVE") && ticket.resolutionOption) {
    const label = named(ticket.resolutionOption, locale);
    const amount = ticket.resolutionAmount
      ? format.number(Number(ticket.resolutionAmount), { style: "currency", currency: ticket.currency })
      : null;
    items.push({ key: "resolution", label: t("resolve.option"), value: [label, amount].filter(Boolean).join(" · ") });
    if (ticket.resolutionNote) items.push({ key: "resolutionNote", label: t("resolve.note"), value: ticket.resolutionNote });
  }
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="record-summary-title" className="rounded-md bg-slate-50 p-3 text-sm" data-testid="record-summary">
      <h3 id="record-summary-title" className="font-medium">
        {t("record.title")}
      </h3>
      <dl className="mt-1 grid gap-1 sm:grid-cols-[max-content_1fr] sm:gap-x-4">
        {items.map((item) => (
          <div key={item.key} className="contents" data-testid={`record-${item.key}`}>
            <dt className="font-medium text-slate-600">{item.label}</dt>
            <dd className="whitespace-pre-wrap">{item.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
