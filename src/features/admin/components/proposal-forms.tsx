"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { SubmitButton } from "@/components/submit-button";
import { CUSTOMER_ASKS } from "@/domain/customer-ask";
import { ROOT_CAUSES } from "@/domain/protocol";
import { RESOLUTION_KINDS } from "@/domain/resolution";
import { PROPOSED_AMOUNTS } from "@/domain/resolution-proposal";
import { deleteProposalAction, saveProposalAction } from "../actions";
import { SelectField, secondaryButton } from "./fields";

export interface ProposalRow {
  id: string;
  categoryId: string | null;
  rootCause: string | null;
  ask: string | null;
  kind: string;
  amountRule: string | null;
  /** "Payment problem × any root cause", in the reader's language. */
  scope: string;
}

function useChoices() {
  const t = useTranslations("admin");
  return {
    kinds: RESOLUTION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) })),
    amounts: [
      { value: "", label: t("proposals.amountRules.none") },
      ...PROPOSED_AMOUNTS.map((a) => ({ value: a, label: t(`proposals.amountRules.${a}`) })),
    ],
  };
}

/** Changes what one scope proposes; its category, root cause and ask are what identify it. */
export function ProposalForm({ proposal }: { proposal: ProposalRow }) {
  const t = useTranslations("admin");
  const { kinds, amounts } = useChoices();
  const prefix = `proposal-${proposal.id}`;
  return (
    <div className="flex flex-col gap-2 border-b border-slate-100 pb-3 sm:flex-row sm:items-end sm:gap-4" data-testid="proposal-rule">
      <ActionForm
        action={saveProposalAction}
        hidden={{ categoryId: proposal.categoryId ?? "", rootCause: proposal.rootCause ?? "", ask: proposal.ask ?? "" }}
        label={proposal.scope}
        className="flex flex-1 flex-col gap-2 sm:flex-row sm:items-end sm:gap-4"
      >
        <p className="min-w-64 font-medium sm:pb-2">{proposal.scope}</p>
        <SelectField name="kind" idPrefix={prefix} label={t("proposals.kind")} options={kinds} defaultValue={proposal.kind} />
        <SelectField
          name="amountRule"
          idPrefix={prefix}
          label={t("proposals.amountRule")}
          options={amounts}
          defaultValue={proposal.amountRule ?? ""}
        />
        <div>
          <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
        </div>
      </ActionForm>
      <ActionForm action={deleteProposalAction} hidden={{ proposalId: proposal.id }} label={t("proposals.remove")}>
        <button type="submit" className={secondaryButton} aria-label={`${t("proposals.remove")}: ${proposal.scope}`}>
          {t("proposals.remove")}
        </button>
      </ActionForm>
    </div>
  );
}

export function NewProposalForm({ categories }: { categories: { id: string; name: string }[] }) {
  const t = useTranslations("admin");
  const rootCauses = useTranslations("workspace.rootCauses");
  const asks = useTranslations("customerAsks");
  const { kinds, amounts } = useChoices();
  return (
    <ActionForm action={saveProposalAction} label={t("proposals.add")} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
      <SelectField
        name="categoryId"
        idPrefix="new-proposal"
        label={t("proposals.category")}
        options={[{ value: "", label: t("proposals.anyCategory") }, ...categories.map((c) => ({ value: c.id, label: c.name }))]}
      />
      <SelectField
        name="rootCause"
        idPrefix="new-proposal"
        label={t("proposals.rootCause")}
        options={[{ value: "", label: t("proposals.anyRootCause") }, ...ROOT_CAUSES.map((r) => ({ value: r, label: rootCauses(r) }))]}
      />
      <SelectField
        name="ask"
        idPrefix="new-proposal"
        label={t("proposals.ask")}
        options={[{ value: "", label: t("proposals.anyAsk") }, ...CUSTOMER_ASKS.map((a) => ({ value: a, label: asks(a) }))]}
      />
      <SelectField name="kind" idPrefix="new-proposal" label={t("proposals.kind")} options={kinds} />
      <SelectField name="amountRule" idPrefix="new-proposal" label={t("proposals.amountRule")} options={amounts} />
      <div className="sm:col-span-2 lg:col-span-5">
        <SubmitButton pendingText={t("saving")}>{t("proposals.add")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
