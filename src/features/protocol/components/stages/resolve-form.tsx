"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Field, inputClass } from "@/components/field";
import type { TicketWorkspace } from "@/features/tickets/queries";
import { chooseResolutionAction } from "../../actions";
import { TicketActionForm, useTicketForm } from "../ticket-action-form";
import { SaveOrMove, TextField } from "./fields";

/** RESOLVE: one of the category's options and, for money, the amount (above an authority limit it waits for approval). */
export function ResolveForm({ ticket }: { ticket: TicketWorkspace }) {
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
