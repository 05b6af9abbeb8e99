"use client";

import { useTranslations } from "next-intl";
import type { TicketWorkspace } from "@/features/tickets/queries";
import { sendApologyAction } from "../../actions";
import { TicketActionForm } from "../ticket-action-form";
import { MessageField, TextField, primary } from "./fields";

/** APOLOGISE: the apology to send, and what will stop it happening again. */
export function ApologyForm({ ticket, draft }: { ticket: TicketWorkspace; draft: string }) {
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
