"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Field, inputClass } from "@/components/field";
import { ROOT_CAUSES, SEVERITIES } from "@/domain/protocol";
import type { TicketWorkspace } from "@/features/tickets/queries";
import {
  acknowledgeAction,
  chooseResolutionAction,
  recordListeningAction,
  recordUnderstandingAction,
  reopenAction,
  sendApologyAction,
  sendClarificationAction,
} from "../actions";
import { TicketActionForm, useTicketForm } from "./ticket-action-form";

export interface Drafts {
  acknowledgement: string;
  clarification: string;
  apology: string;
}

const primary =
  "rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800 focus:outline-none focus:ring-2 focus:ring-teal-600 focus:ring-offset-2";
const secondary =
  "rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-teal-600";

/** The current stage's gate, asking for exactly what it needs and nothing more. */
export function StagePanel({ ticket, drafts }: { ticket: TicketWorkspace; drafts: Drafts }) {
  const t = useTranslations("workspace");
  const gates = useTranslations("protocol.gates");
  return (
    <section
      aria-labelledby="stage-panel-title"
      className="flex flex-col gap-4 rounded-lg border-2 border-teal-600 bg-white p-5"
      data-testid="stage-panel"
    >
      <div>
        <h2 id="stage-panel-title" className="text-lg font-semibold">
          {t(`panels.${ticket.stage}.title`)}
        </h2>
        <p className="text-sm text-slate-600">{t(`panels.${ticket.stage}.intro`)}</p>
      </div>
      {ticket.unmetGates.length > 0 && (
        <div className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="unmet-gates">
          <p className="font-medium">{t("stillNeeded")}</p>
          <ul className="ml-5 list-disc">
            {ticket.unmetGates.map((g) => (
              <li key={g}>{gates(g)}</li>
            ))}
          </ul>
        </div>
      )}
      {ticket.stage === "NEW" && <AcknowledgeForm ticket={ticket} draft={drafts.acknowledgement} />}
      {ticket.stage === "LISTEN" && <ListenForm ticket={ticket} />}
      {ticket.stage === "UNDERSTAND" && (
        <>
          <UnderstandForm ticket={ticket} />
          <ClarificationForm ticket={ticket} draft={drafts.clarification} />
        </>
      )}
      {ticket.stage === "RESOLVE" && <ResolveForm ticket={ticket} />}
      {ticket.stage === "APOLOGISE" && <ApologyForm ticket={ticket} draft={drafts.apology} />}
      {ticket.stage === "CLOSED" && <ClosedSummary ticket={ticket} />}
    </section>
  );
}

function LanguageNote({ locale }: { locale: string }) {
  const t = useTranslations("workspace");
  return <span className="text-sm font-normal text-slate-600"> — {t("inLanguage", { language: t(`languages.${locale}`) })}</span>;
}

function AcknowledgeForm({ ticket, draft }: { ticket: TicketWorkspace; draft: string }) {
  const t = useTranslations("workspace");
  return (
    <TicketActionForm action={acknowledgeAction} ticketId={ticket.id} version={ticket.version} label={t("panels.NEW.title")}>
      <MessageField name="body" id="acknowledgement-body" label={t("acknowledgement")} locale={ticket.locale} fallback={draft} />
      <div>
        <button type="submit" className={primary}>
          {t("sendAcknowledgement")}
        </button>
      </div>
    </TicketActionForm>
  );
}

function ListenForm({ ticket }: { ticket: TicketWorkspace }) {
  const t = useTranslations("workspace");
  return (
    <TicketActionForm action={recordListeningAction} ticketId={ticket.id} version={ticket.version} label={t("panels.LISTEN.title")}>
      <TextField name="factsWhat" label={t("listen.factsWhat")} hint={t("listen.factsWhatHint")} value={ticket.factsWhat} rows={4} />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField name="factsWhen" label={t("listen.factsWhen")} value={ticket.factsWhen} optional />
        <TextField name="factsWhere" label={t("listen.factsWhere")} value={ticket.factsWhere} optional />
        <TextField name="factsPayment" label={t("listen.factsPayment")} value={ticket.factsPayment ?? ticket.orderNumber} optional />
      </div>
      <TextField name="desiredOutcome" label={t("listen.desiredOutcome")} value={ticket.desiredOutcome} rows={2} />
      <TextField
        name="restatement"
        label={t("listen.restatement")}
        hint={t("listen.restatementHint")}
        value={ticket.restatement}
        rows={3}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          name="severity"
          label={t("listen.severity")}
          value={ticket.severity}
          choices={SEVERITIES.map((s) => [s, t(`severities.${s}`)])}
        />
        <RadioField
          name="safetyRisk"
          label={t("listen.safetyRisk")}
          value={ticket.safetyRisk === null ? null : ticket.safetyRisk ? "yes" : "no"}
          choices={[
            ["no", t("no")],
            ["yes", t("yes")],
          ]}
        />
      </div>
      <SaveOrMove next={t("moveTo", { stage: t("stageNames.UNDERSTAND") })} />
    </TicketActionForm>
  );
}

function UnderstandForm({ ticket }: { ticket: TicketWorkspace }) {
  const t = useTranslations("workspace");
  return (
    <TicketActionForm action={recordUnderstandingAction} ticketId={ticket.id} version={ticket.version} label={t("panels.UNDERSTAND.title")}>
      <SelectField
        name="rootCause"
        label={t("understand.rootCause")}
        value={ticket.rootCause}
        choices={ROOT_CAUSES.map((c) => [c, t(`rootCauses.${c}`)])}
      />
      <TextField name="finding" label={t("understand.finding")} hint={t("understand.findingHint")} value={ticket.finding} rows={4} />
      <CheckboxField name="disputed" label={t("understand.disputed")} checked={ticket.disputed} />
      <SaveOrMove next={t("moveTo", { stage: t("stageNames.RESOLVE") })} />
    </TicketActionForm>
  );
}

function ClarificationForm({ ticket, draft }: { ticket: TicketWorkspace; draft: string }) {
  const t = useTranslations("workspace");
  return (
    <details
      className="rounded-md border border-slate-200 p-3"
      open={ticket.rootCause === "CUSTOMER_MISUNDERSTANDING" && !ticket.clarificationSentAt}
    >
      <summary className="cursor-pointer font-medium">
        {ticket.clarificationSentAt ? t("clarificationSent") : t("sendClarification")}
      </summary>
      <TicketActionForm
        action={sendClarificationAction}
        ticketId={ticket.id}
        version={ticket.version}
        label={t("sendClarification")}
        className="mt-3 flex flex-col gap-3"
      >
        <MessageField name="body" id="clarification-body" label={t("clarification")} locale={ticket.locale} fallback={draft} />
        <label className="flex items-center gap-2">
          <input type="checkbox" name="waitForCustomer" defaultChecked className="h-4 w-4" />
          {t("waitForAnswer")}
        </label>
        <div>
          <button type="submit" className={secondary}>
            {t("sendClarification")}
          </button>
        </div>
      </TicketActionForm>
    </details>
  );
}

function ResolveForm({ ticket }: { ticket: TicketWorkspace }) {
  const t = useTranslations("workspace");
  const locale = useLocale();
  const { values, errors } = useTicketForm();
  const [optionId, setOptionId] = useState(values.optionId ?? ticket.resolutionOptionId ?? "");
  const chosen = ticket.options.find((o) => o.id === optionId);
  const amountDefault =
    values.amount ??
    (optionId === ticket.resolutionOptionId ? ticket.resolutionAmount : null) ??
    chosen?.defaultAmount ??
    ticket.amount ??
    "";
  return (
    <TicketActionForm action={chooseResolutionAction} ticketId={ticket.id} version={ticket.version} label={t("panels.RESOLVE.title")}>
      <fieldset className="flex flex-col gap-2" aria-describedby={errors.optionId ? "optionId-error" : undefined}>
        <legend className="font-medium">{t("resolve.option")}</legend>
        {ticket.options.map((o) => (
          <label key={o.id} className="flex items-center gap-2">
            <input
              type="radio"
              name="optionId"
              value={o.id}
              checked={optionId === o.id}
              onChange={() => setOptionId(o.id)}
              className="h-4 w-4"
            />
            {locale === "id" ? o.labelId : o.labelEn}
          </label>
        ))}
        {errors.optionId && (
          <p id="optionId-error" className="text-sm text-red-700">
            {errors.optionId.join(" ")}
          </p>
        )}
      </fieldset>
      {chosen && ["REFUND", "FULL_REFUND", "STORE_CREDIT", "GOODWILL_GIFT"].includes(chosen.kind) && (
        <Field name="amount" label={`${t("resolve.amount")} (${ticket.currency})`} hint={t("resolve.amountHint")} errors={errors.amount}>
          {(p) => <input {...p} key={optionId} type="text" inputMode="decimal" defaultValue={amountDefault} className={inputClass} />}
        </Field>
      )}
      <TextField name="note" label={t("resolve.note")} value={ticket.resolutionNote} rows={2} optional />
      {ticket.approval !== "NOT_NEEDED" && (
        <p className="rounded-md bg-slate-100 p-3 text-sm" data-testid="approval-status">
          {t(`approvalStates.${ticket.approval}`)}
        </p>
      )}
      <SaveOrMove next={t("moveTo", { stage: t("stageNames.APOLOGISE") })} />
    </TicketActionForm>
  );
}

function ApologyForm({ ticket, draft }: { ticket: TicketWorkspace; draft: string }) {
  const t = useTranslations("workspace");
  return (
    <TicketActionForm action={sendApologyAction} ticketId={ticket.id} version={ticket.version} label={t("panels.APOLOGISE.title")}>
      <MessageField
        name="body"
        id="apology-body"
        label={t("apology")}
        hint={t("apologyHint")}
        locale={ticket.locale}
        fallback={draft}
        rows={9}
      />
      <TextField
        name="preventiveAction"
        label={t("preventiveAction")}
        hint={t("preventiveActionHint")}
        value={ticket.preventiveAction}
        rows={2}
        optional
      />
      <div>
        <button type="submit" className={primary}>
          {t("sendApology")}
        </button>
      </div>
    </TicketActionForm>
  );
}

function ClosedSummary({ ticket }: { ticket: TicketWorkspace }) {
  const t = useTranslations("workspace");
  return (
    <div className="flex flex-col gap-3">
      {ticket.rating !== null && (
        <p data-testid="rating">
          {t("rating", { rating: ticket.rating })}{" "}
          {ticket.wouldTrustAgain !== null && (ticket.wouldTrustAgain ? t("wouldTrust") : t("wouldNotTrust"))}
        </p>
      )}
      <details className="rounded-md border border-slate-200 p-3">
        <summary className="cursor-pointer font-medium">{t("reopen")}</summary>
        <TicketActionForm
          action={reopenAction}
          ticketId={ticket.id}
          version={ticket.version}
          label={t("reopen")}
          className="mt-3 flex flex-col gap-3"
        >
          <TextField name="reason" label={t("reopenReason")} value={null} rows={2} />
          <div>
            <button type="submit" className={secondary}>
              {t("reopen")}
            </button>
          </div>
        </TicketActionForm>
      </details>
    </div>
  );
}

// --- Fields that keep what the agent typed when a save is refused --------------------------------

function SaveOrMove({ next }: { next: string }) {
  const t = useTranslations("workspace");
  return (
    <div className="flex flex-wrap gap-2">
      <button type="submit" name="intent" value="advance" className={primary}>
        {next}
      </button>
      <button type="submit" name="intent" value="save" className={secondary}>
        {t("save")}
      </button>
    </div>
  );
}

function TextField({
  name,
  label,
  hint,
  value,
  rows,
  optional,
}: {
  name: string;
  label: string;
  hint?: string;
  value: string | null;
  rows?: number;
  optional?: boolean;
}) {
  const t = useTranslations("complaintForm");
  const { values, errors } = useTicketForm();
  const defaultValue = values[name] ?? value ?? "";
  return (
    <Field name={name} label={label} hint={hint} errors={errors[name]} optionalLabel={optional ? t("optional") : undefined}>
      {(p) =>
        rows ? (
          <textarea {...p} rows={rows} defaultValue={defaultValue} className={inputClass} />
        ) : (
          <input {...p} type="text" defaultValue={defaultValue} className={inputClass} />
        )
      }
    </Field>
  );
}

function CheckboxField({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  const { values } = useTicketForm();
  // A refused form sends back its values; an unticked box is simply absent from them.
  const refused = Object.keys(values).length > 0;
  return (
    <label className="flex items-center gap-2">
      <input type="checkbox" name={name} defaultChecked={refused ? values[name] === "on" : checked} className="h-4 w-4" />
      {label}
    </label>
  );
}

export function MessageField({
  name,
  id,
  label,
  hint,
  locale,
  fallback,
  rows = 6,
}: {
  name: string;
  id?: string;
  label: string;
  hint?: string;
  locale: string;
  fallback: string;
  rows?: number;
}) {
  const { values, errors } = useTicketForm();
  return (
    <Field name={name} id={id} label={label} hint={hint} errors={errors[name]}>
      {(p) => (
        <>
          <LanguageNote locale={locale} />
          <textarea {...p} lang={locale} rows={rows} defaultValue={values[name] ?? fallback} className={inputClass} />
        </>
      )}
    </Field>
  );
}

function SelectField({ name, label, value, choices }: { name: string; label: string; value: string | null; choices: [string, string][] }) {
  const t = useTranslations("workspace");
  const { values, errors } = useTicketForm();
  return (
    <Field name={name} label={label} errors={errors[name]}>
      {(p) => (
        <select {...p} defaultValue={values[name] ?? value ?? ""} className={inputClass}>
          <option value="">{t("choose")}</option>
          {choices.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function RadioField({ name, label, value, choices }: { name: string; label: string; value: string | null; choices: [string, string][] }) {
  const { values, errors } = useTicketForm();
  const current = values[name] ?? value;
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={errors[name] ? `${name}-error` : undefined}>
      <legend className="font-medium text-slate-800">{label}</legend>
      <div className="flex gap-4">
        {choices.map(([v, text]) => (
          <label key={v} className="flex items-center gap-2">
            <input type="radio" name={name} value={v} defaultChecked={current === v} className="h-4 w-4" />
            {text}
          </label>
        ))}
      </div>
      {errors[name] && (
        <p id={`${name}-error`} className="text-sm text-red-700">
          {errors[name].join(" ")}
        </p>
      )}
    </fieldset>
  );
}
