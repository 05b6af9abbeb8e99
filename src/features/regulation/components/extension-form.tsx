"use client";

import { useTranslations } from "next-intl";
import { inputClass } from "@/components/field";
import type { ExtensionRule } from "@/domain/regulation/clock";
import { TicketActionForm } from "@/features/protocol/components/ticket-action-form";
import { extendRegulatoryDeadlineAction } from "../actions";

const small =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-teal-600";

/** The one extension of the regulatory deadline (or FCA's holding reply), with the reason the customer is told. */
export function ExtensionForm({
  ticketId,
  version,
  letterKind,
}: {
  ticketId: string;
  version: number;
  letterKind: ExtensionRule["letterKind"];
}) {
  const t = useTranslations("regulation");
  const label = t(letterKind === "HOLDING_REPLY" ? "holdingReply" : "extend");
  return (
    <details>
      <summary className="cursor-pointer font-medium">{label}</summary>
      <TicketActionForm
        action={extendRegulatoryDeadlineAction}
        ticketId={ticketId}
        version={version}
        className="mt-2 flex flex-col gap-2"
        label={label}
      >
        <label htmlFor="extension-reason">{t("reason")}</label>
        <textarea id="extension-reason" name="reason" rows={3} className={inputClass} />
        <button type="submit" className={small}>
          {label}
        </button>
      </TicketActionForm>
    </details>
  );
}
