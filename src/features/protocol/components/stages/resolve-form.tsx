"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Field, inputClass } from "@/components/field";
import { authorityHeadroom, needsAmount } from "@/domain/resolution";
import { named } from "@/i18n/named";
import { ROLES, type Role } from "@/domain/roles";
import type { TicketWorkspace } from "@/features/tickets/queries";
import { chooseResolutionAction } from "../../actions";
import { TicketActionForm, useTicketForm } from "../ticket-action-form";
import { SaveOrMove, TextField } from "./fields";

const AMOUNT = /^\d{1,10}(\.\d{1,2})?$/;

/**
 * RESOLVE: one of the category's options, the framework's proposal pre-selected with the reason
 * it is proposed, and, for money, the amount with the agent's headroom under their authority
 * (above it the choice waits for approval), shown while they type rather than after they submit.
 */
export function ResolveForm({ ticket, viewerRole }: { ticket: TicketWorkspace; viewerRole: string }) {
  const t = useTranslations("workspace");
  const asks = useTranslations("customerAsks");
  const locale = useLocale();
  const format = useFormatter();
  const { values, errors } = useTicketForm();
  const proposal = ticket.proposal;
  const [optionId, setOptionId] = useState(values.optionId ?? ticket.resolutionOptionId ?? proposal?.optionId ?? "");
  const chosen = ticket.options.find((o) => o.id === optionId);
  const amountDefault =
    values.amount ??
    (optionId === ticket.resolutionOptionId ? ticket.resolutionAmount : null) ??
    (optionId === proposal?.optionId ? proposal.amount : null) ??
    chosen?.defaultAmount ??
    ticket.amount ??
    "";
  // What the agent has typed per option, so the headroom follows the field as it changes.
  const [typed, setTyped] = useState<Record<string, string>>({});
  const withAmount = chosen !== undefined && needsAmount(chosen.kind);
  const amountText = (typed[optionId] ?? amountDefault).trim();
  const amount = withAmount && AMOUNT.test(amountText) ? Number(amountText) : null;
  const role: Role = (ROLES as readonly string[]).includes(viewerRole) ? (viewerRole as Role) : "AGENT";
  const authority = authorityHeadroom(amount, role, ticket.authorityLimits);
  const money = (n: number) =>
    format.number(n, { style: "currency", currency: ticket.currency, minimumFractionDigits: 0, maximumFractionDigits: 2 });
  const proposedOption = proposal && ticket.options.find((o) => o.id === proposal.optionId);
  return (
    <TicketActionForm action={chooseResolutionAction} ticketId={ticket.id} version={ticket.version} label={t("panels.RESOLVE.title")}>
      {proposedOption && (
        <p className="rounded-md bg-teal-50 p-3 text-sm text-teal-900" data-testid="proposal">
          {t(proposal.ask ? "resolve.proposedForAsk" : "resolve.proposed", {
            option: named(proposedOption, locale),
            category: proposal.categoryScoped ? named(ticket.category, locale) : t("resolve.anyCategory"),
            rootCause: proposal.rootCause ? t(`rootCauses.${proposal.rootCause}`) : t("resolve.anyRootCause"),
            ask: proposal.ask ? asks(proposal.ask) : "",
          })}{" "}
          {t("resolve.proposedChoose")}
        </p>
      )}
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
            {named(o, locale)}
            {o.id === proposal?.optionId && (
              <span className="rounded bg-teal-100 px-1.5 text-xs font-medium text-teal-900">{t("resolve.proposedBadge")}</span>
            )}
          </label>
        ))}
        {errors.optionId && (
          <p id="optionId-error" className="text-sm text-red-700">
            {errors.optionId.join(" ")}
          </p>
        )}
      </fieldset>
      {withAmount && (
        <Field name="amount" label={`${t("resolve.amount")} (${ticket.currency})`} hint={t("resolve.amountHint")} errors={errors.amount}>
          {(p) => (
            <input
              {...p}
              key={optionId}
              type="text"
              inputMode="decimal"
              defaultValue={amountDefault}
              onInput={(e) => {
                const value = e.currentTarget.value;
                setTyped((before) => ({ ...before, [optionId]: value }));
              }}
              className={inputClass}
            />
          )}
        </Field>
      )}
      <div
        className={`rounded-md p-3 text-sm ${authority.needsApproval ? "bg-amber-50 text-amber-900" : "bg-slate-50 text-slate-700"}`}
        data-testid="authority"
        aria-live="polite"
      >
        <p>{t("resolve.authorityLimit", { limit: money(authority.limit) })}</p>
        {withAmount && amount !== null && (
          <p className="font-medium">
            {authority.needsApproval
              ? t("resolve.aboveAuthority", { over: money(-authority.headroom) })
              : t("resolve.headroom", { headroom: money(authority.headroom) })}
          </p>
        )}
      </div>
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
