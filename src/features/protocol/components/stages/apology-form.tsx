"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { apologyContextOf, checkApology, type ApologyFinding } from "@/domain/apology-check";
import type { ResolutionKind } from "@/domain/resolution";
import { roleAtLeast, type Role } from "@/domain/roles";
import type { TicketWorkspace } from "@/features/tickets/queries";
import type { Translate } from "@/lib/forms/form-state";
import { sendApologyAction } from "../../actions";
import { apologyFindingMessage } from "../../apology-messages";
import { TicketActionForm, useTicketForm } from "../ticket-action-form";
import { CheckboxField, MessageField, TextField, primary } from "./fields";

/** APOLOGISE: the apology to send, checked as it is typed, and what will stop it happening again. */
export function ApologyForm({ ticket, draft, viewerRole }: { ticket: TicketWorkspace; draft: string; viewerRole: string }) {
  const t = useTranslations("workspace");
  return (
    <TicketActionForm action={sendApologyAction} ticketId={ticket.id} version={ticket.version} label={t("panels.APOLOGISE.title")}>
      <CheckedApology ticket={ticket} draft={draft} />
      <TextField
        name="preventiveAction"
        label={t("preventiveAction")}
        hint={t("preventiveActionHint")}
        value={ticket.preventiveAction}
        rows={2}
        optional
      />
      {roleAtLeast(viewerRole as Role, "SUPERVISOR") && (
        <div className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
          <CheckboxField name="override" label={t("apologyOverride")} checked={false} />
          <TextField name="overrideReason" label={t("apologyOverrideReason")} value={null} rows={2} optional />
        </div>
      )}
      <div>
        <button type="submit" className={primary} data-shortcut="advance">
          {t("sendApology")}
        </button>
      </div>
    </TicketActionForm>
  );
}

// The same pure check the server runs at the gate, on every edit: it is small enough not to need a debounce.
function CheckedApology({ ticket, draft }: { ticket: TicketWorkspace; draft: string }) {
  const t = useTranslations("workspace");
  const { values } = useTicketForm();
  const [text, setText] = useState(values.body ?? draft);
  const option = ticket.resolutionOption && { ...ticket.resolutionOption, kind: ticket.resolutionOption.kind as ResolutionKind };
  const check = checkApology(text, ticket.locale, apologyContextOf(option, ticket.resolutionAmount));
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <MessageField
        name="body"
        id="apology-body"
        label={t("apology")}
        hint={t("apologyHint")}
        locale={ticket.locale}
        fallback={draft}
        rows={9}
        onText={setText}
      />
      <ApologyFindings findings={check.findings} ok={check.ok} />
    </div>
  );
}

function ApologyFindings({ findings, ok }: { findings: ApologyFinding[]; ok: boolean }) {
  const t = useTranslations();
  const say = (f: ApologyFinding) => apologyFindingMessage(f, t as unknown as Translate);
  const blocking = findings.filter((f) => f.severity === "block");
  const advice = findings.filter((f) => f.severity === "advice");
  return (
    <section aria-labelledby="apology-check-title" aria-live="polite" className="flex flex-col gap-2 text-sm" data-testid="apology-check">
      <h3 id="apology-check-title" className="font-semibold text-slate-800">
        {t("protocol.apologyCheck.title")}
      </h3>
      {ok && <p className="text-teal-800">{t("protocol.apologyCheck.passes")}</p>}
      {blocking.length > 0 && (
        <div className="rounded-md bg-red-50 p-2 text-red-900">
          <p className="font-medium">{t("protocol.apologyCheck.mustChange")}</p>
          <ul className="ml-5 list-disc">
            {blocking.map((f) => (
              <li key={f.code}>{say(f)}</li>
            ))}
          </ul>
        </div>
      )}
      {advice.length > 0 && (
        <div className="rounded-md bg-slate-50 p-2 text-slate-700">
          <p className="font-medium">{t("protocol.apologyCheck.advice")}</p>
          <ul className="ml-5 list-disc">
            {advice.map((f) => (
              <li key={f.code}>{say(f)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
