import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { RenderedTemplate } from "@/domain/templates";
import { LETTER_KINDS, letterKindAllowed } from "@/domain/regulation/letter-check";
import { REGIMES } from "@/domain/regulation/regimes";
import { LETTER_MESSAGE_ID, LetterForm } from "@/features/letters/components/letter-form";
import { listLetterApprovals, listTicketLetters } from "@/features/letters/queries";
import { TemplatePicker } from "@/features/templates/components/template-picker";
import { getRegulatedRecord } from "../queries";
import { ExternalDecisionForm, ExternalEscalationForm } from "./external-forms";
import { OutcomeForm } from "./outcome-form";

const card = "flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm";

/**
 * The workspace's regulated record (issue 16): the letters sent and the form for the next one, the
 * outcome with its redress and goodwill, and any escalation to an outside body.
 */
export async function RegulatedPanel({
  ticket,
  templates,
  kindLabels,
}: {
  ticket: { id: string; version: number; stage: string; currency: string; finding: string | null };
  templates: RenderedTemplate[];
  kindLabels: Record<RenderedTemplate["kind"], string>;
}) {
  const [record, letters, held] = await Promise.all([
    getRegulatedRecord(ticket.id),
    listTicketLetters(ticket.id),
    listLetterApprovals(ticket.id),
  ]);
  // Letters, outcome and redress and outside bodies are what a regulator's regime asks for: a
  // complaint under none keeps the protocol's own cards only.
  if (!record || record.regime === "NONE") return null;
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const regime = REGIMES[record.regime];
  const day = (d: Date) => format.dateTime(d, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const moment = (d: Date) => format.dateTime(d, { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });
  const money = (amount: string | null, currency: string) =>
    amount ? format.number(Number(amount), { style: "currency", currency, maximumFractionDigits: 2 }) : "";
  const kinds = LETTER_KINDS.filter((k) => letterKindAllowed(record.regime, k, { paymentServices: record.paymentServices }));
  const outcomeStage = ticket.stage === "RESOLVE" || ticket.stage === "APOLOGISE";

  return (
    <>
      <section aria-labelledby="letters-title" className={card} data-testid="letters">
        <h2 id="letters-title" className="font-semibold">
          {t("letters.title")}
        </h2>
        <p className="text-slate-700">
          {t("letters.regime", { regime: locale === "id" ? regime.nameId : regime.nameEn })}
          <br />
          <span data-testid="regulatory-due">
            {record.regulatoryDueAt ? t("letters.dueAt", { date: moment(record.regulatoryDueAt) }) : t("letters.noDeadline")}
          </span>
        </p>
        {letters.length === 0 ? (
          <p className="text-slate-600">{t("letters.none")}</p>
        ) : (
          <ul className="flex flex-col gap-1" data-testid="letter-list">
            {letters.map((l) => (
              <li key={l.id}>
                <a href={`/api/letters/${l.id}`} className="font-medium text-teal-800 underline" data-testid={`letter-${l.kind}`}>
                  {t(`letters.kinds.${l.kind}`)}
                </a>{" "}
                · {moment(l.sentAt)} · {t("letters.sentBy", { name: l.sentBy })}
                <span className="block break-all font-mono text-xs text-slate-500" title={t("letters.hash")}>
                  {l.pdfSha256}
                </span>
              </li>
            ))}
          </ul>
        )}
        {held.map((h) => (
          <p
            key={h.id}
            role="status"
            data-testid={`letter-held-${h.kind}`}
            className={`rounded-md border p-2 ${h.status === "PENDING" ? "border-amber-300 bg-amber-50" : "border-red-300 bg-red-50"}`}
          >
            {h.status === "PENDING"
              ? t("letters.awaiting", { kind: t(`letters.kinds.${h.kind}`), name: h.requestedBy, date: moment(h.createdAt) })
              : t("letters.refusedBy", { kind: t(`letters.kinds.${h.kind}`), name: h.decidedBy ?? "", reason: h.reason ?? "" })}
          </p>
        ))}
        <LetterForm
          ticketId={ticket.id}
          version={ticket.version}
          kinds={kinds}
          reasonsDraft={ticket.finding ?? ""}
          templatePicker={
            <TemplatePicker
              templates={templates}
              targetId={LETTER_MESSAGE_ID}
              label={t("workspace.insertTemplate")}
              kindLabels={kindLabels}
            />
          }
        />
      </section>

      <section aria-labelledby="outcome-title" className={card} data-testid="outcome-redress">
        <h2 id="outcome-title" className="font-semibold">
          {t("outcome.title")}
        </h2>
        <p data-testid="outcome-value">{record.outcome ? t(`outcome.outcomes.${record.outcome}`) : t("outcome.none")}</p>
        {[false, true].map((goodwill) => {
          const rows = record.redresses.filter((r) => r.goodwill === goodwill);
          if (rows.length === 0) return null;
          return (
            <div key={String(goodwill)}>
              <h3 className="font-medium">{goodwill ? t("outcome.goodwillList") : t("outcome.redress")}</h3>
              <ul className="list-disc pl-5" data-testid={goodwill ? "goodwill-list" : "redress-list"}>
                {rows.map((r) => (
                  <li key={r.id}>
                    {t(`outcome.kinds.${r.kind}`)} {money(r.amount, r.currency)} —{" "}
                    {r.paidAt ? t("outcome.paidOn", { date: day(r.paidAt) }) : t("outcome.notPaid")}
                    {r.note && <span className="text-slate-600"> · {r.note}</span>}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
        {outcomeStage ? (
          <OutcomeForm ticketId={ticket.id} version={ticket.version} outcome={record.outcome} currency={ticket.currency} />
        ) : (
          <p className="text-slate-600">{t("outcome.onlyResolveApologise")}</p>
        )}
      </section>

      <section aria-labelledby="external-title" className={card} data-testid="external-escalations">
        <h2 id="external-title" className="font-semibold">
          {t("external.title")}
        </h2>
        {record.externalEscalations.length === 0 ? (
          <p className="text-slate-600">{t("external.none")}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {record.externalEscalations.map((e) => (
              <li key={e.id} data-testid="external-escalation">
                <p>
                  <span className="font-medium">{t(`external.bodies.${e.body}`)}</span>
                  {e.reference && ` · ${e.reference}`} · {t("external.referredAt")} {day(e.referredAt)} ·{" "}
                  {e.decidedAt ? t("external.decidedState", { date: day(e.decidedAt) }) : t("external.open")}
                </p>
                {e.outcome && <p className="text-slate-700">{e.outcome}</p>}
                {!e.decidedAt && <ExternalDecisionForm ticketId={ticket.id} version={ticket.version} escalationId={e.id} />}
              </li>
            ))}
          </ul>
        )}
        <details>
          <summary className="cursor-pointer font-medium">{t("external.record")}</summary>
          <div className="mt-3">
            <ExternalEscalationForm ticketId={ticket.id} version={ticket.version} defaultBody={regime.escalation?.body} />
          </div>
        </details>
      </section>
    </>
  );
}
