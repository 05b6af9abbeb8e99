"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/field";
import { awaitingSettlement, SETTLEMENT_DECISIONS } from "@/domain/escalation";
import { roleAtLeast, type Role } from "@/domain/roles";
import type { TicketWorkspace } from "@/features/tickets/queries";
import { settleEscalationAction } from "../actions";
import { TicketActionForm, useTicketForm } from "./ticket-action-form";
import { CheckboxField, primary, TextField } from "./stages/fields";

/**
 * An escalated ticket's state, where the work is done: why it was escalated; while unsettled, the
 * hold explained to the agent and the settle controls for a supervisor; once settled, the decision.
 */
export function EscalationCard({ ticket, viewerRole }: { ticket: TicketWorkspace; viewerRole: Role }) {
  const t = useTranslations("escalation");
  const format = useFormatter();
  if (!ticket.escalatedAt) return null;
  const source = ticket.escalationSource ?? "AGENT";
  const waiting = awaitingSettlement({ escalated: true, settled: ticket.settledAt !== null });
  const when = (d: Date) => format.dateTime(d, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  return (
    <section
      aria-labelledby="escalation-title"
      data-testid="escalation"
      data-settled={!waiting}
      className={`flex flex-col gap-2 rounded-lg border p-4 text-sm ${waiting ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"}`}
    >
      <h2 id="escalation-title" className="text-base font-semibold">
        {t("title")}: {t(`sources.${source}`)}
      </h2>
      <p className="text-slate-700">
        {t("escalatedWhen", { relative: when(ticket.escalatedAt) })}
        {source === "AGENT" && ticket.escalationReason && <> {t("reason", { reason: ticket.escalationReason })}</>}
      </p>
      {waiting ? (
        <>
          <p role="status" className="font-medium text-amber-900" data-testid="escalation-hold">
            {t("held")}
          </p>
          {roleAtLeast(viewerRole, "SUPERVISOR") && <SettleForm ticket={ticket} />}
        </>
      ) : (
        <div data-testid="escalation-settlement">
          <p className="font-medium">{t("settledTitle", { name: ticket.settledBy?.name ?? "", relative: when(ticket.settledAt!) })}</p>
          {ticket.settlementDecision && <p>{t("settledDecision", { decision: t(`decisions.${ticket.settlementDecision}`) })}</p>}
          {ticket.settlementNote && <p className="whitespace-pre-wrap">{t("settledNote", { note: ticket.settlementNote })}</p>}
        </div>
      )}
    </section>
  );
}

function SettleForm({ ticket }: { ticket: TicketWorkspace }) {
  const t = useTranslations("escalation");
  return (
    <TicketActionForm
      action={settleEscalationAction}
      ticketId={ticket.id}
      version={ticket.version}
      className="mt-2 flex flex-col gap-3 rounded-md border border-amber-300 bg-white p-3"
      label={t("settleTitle")}
    >
      <p className="font-semibold">{t("settleTitle")}</p>
      <p className="text-slate-600">{t("settleIntro")}</p>
      <DecisionField />
      <TextField name="note" label={t("note")} value={null} rows={3} />
      <CheckboxField name="takeOver" label={t("takeOver")} checked={false} />
      <div>
        <button type="submit" className={primary}>
          {t("settle")}
        </button>
      </div>
    </TicketActionForm>
  );
}

function DecisionField() {
  const t = useTranslations("escalation");
  const { values, errors } = useTicketForm();
  return (
    <Field name="decision" label={t("decision")} errors={errors.decision}>
      {(p) => (
        <select {...p} defaultValue={values.decision ?? ""} className={inputClass}>
          <option value="" disabled>
            —
          </option>
          {SETTLEMENT_DECISIONS.map((d) => (
            <option key={d} value={d}>
              {t(`decisions.${d}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
