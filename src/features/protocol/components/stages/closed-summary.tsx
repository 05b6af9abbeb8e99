"use client";

import { useTranslations } from "next-intl";
import type { TicketWorkspace } from "@/features/tickets/queries";
import { reopenAction } from "../../actions";
import { TicketActionForm } from "../ticket-action-form";
import { TextField, secondary } from "./fields";

/** CLOSED: the customer's rating, and reopening with a reason. */
export function ClosedSummary({ ticket }: { ticket: TicketWorkspace }) {
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
