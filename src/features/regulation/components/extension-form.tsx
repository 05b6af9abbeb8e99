"use client";

import { useTranslations } from "next-intl";
import { inputClass } from "@/components/field";
import { TicketActionForm } from "@/features/protocol/components/ticket-action-form";
import { extendRegulatoryDeadlineAction } from "../actions";

const small =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-teal-600";

/** The one extension of the regulatory deadline, with the reason the customer is told. */
export function ExtensionForm({ ticketId, version }: { ticketId: string; version: number }) {
  const t = useTranslations("regulation");
  return (
    <details>
      <summary className="cursor-pointer font-medium">{t("extend")}</summary>
      <TicketActionForm
        action={extendRegulatoryDeadlineAction}
        ticketId={ticketId}
        version={version}
        className="mt-2 flex flex-col gap-2"
        label={t("extend")}
      >
        <label htmlFor="extension-reason">{t("reason")}</label>
        <textarea id="extension-reason" name="reason" rows={3} className={inputClass} />
        <button type="submit" className={small}>
          {t("extend")}
        </button>
      </TicketActionForm>
    </details>
  );
}
