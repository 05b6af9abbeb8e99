"use client";

import { useTranslations } from "next-intl";
import type { TicketWorkspace } from "@/features/tickets/queries";
import { acknowledgeAction } from "../../actions";
import { TicketActionForm } from "../ticket-action-form";
import { MessageField, primary } from "./fields";

/** NEW: the first reply, from the acknowledgement draft in the customer's language. */
export function AcknowledgeForm({ ticket, draft }: { ticket: TicketWorkspace; draft: string }) {
  const t = useTranslations("workspace");
  return (
    <TicketActionForm action={acknowledgeAction} ticketId={ticket.id} version={ticket.version} label={t("panels.NEW.title")}>
      <MessageField name="body" id="acknowledgement-body" label={t("acknowledgement")} locale={ticket.locale} fallback={draft} />
      <div>
        <button type="submit" className={primary} data-shortcut="advance">
          {t("sendAcknowledgement")}
        </button>
      </div>
    </TicketActionForm>
  );
}
