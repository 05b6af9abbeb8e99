"use client";

import { useTranslations } from "next-intl";
import { ROOT_CAUSES } from "@/domain/protocol";
import type { TicketWorkspace } from "@/features/tickets/queries";
import { recordUnderstandingAction, sendClarificationAction } from "../../actions";
import { TicketActionForm } from "../ticket-action-form";
import { CheckboxField, MessageField, SaveOrMove, SelectField, TextField, secondary } from "./fields";

/** UNDERSTAND: the root cause and the finding behind it. */
export function UnderstandForm({ ticket }: { ticket: TicketWorkspace }) {
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

/** A clarification to the customer, open by default when the root cause is their misunderstanding. */
export function ClarificationForm({ ticket, draft }: { ticket: TicketWorkspace; draft: string }) {
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
