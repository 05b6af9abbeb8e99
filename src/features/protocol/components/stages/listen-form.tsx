"use client";

import { useTranslations } from "next-intl";
import { SEVERITIES } from "@/domain/protocol";
import type { TicketWorkspace } from "@/features/tickets/queries";
import { recordListeningAction } from "../../actions";
import { TicketActionForm } from "../ticket-action-form";
import { RadioField, SaveOrMove, SelectField, TextField } from "./fields";

/** LISTEN: the facts, the customer's desired outcome in their words, and how serious it is. */
export function ListenForm({ ticket }: { ticket: TicketWorkspace }) {
  const t = useTranslations("workspace");
  return (
    <TicketActionForm action={recordListeningAction} ticketId={ticket.id} version={ticket.version} label={t("panels.LISTEN.title")}>
      <TextField name="factsWhat" label={t("listen.factsWhat")} hint={t("listen.factsWhatHint")} value={ticket.factsWhat} rows={4} />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField name="factsWhen" label={t("listen.factsWhen")} value={ticket.factsWhen} optional />
        <TextField name="factsWhere" label={t("listen.factsWhere")} value={ticket.factsWhere ?? ticket.location} optional />
        <TextField name="factsPayment" label={t("listen.factsPayment")} value={ticket.factsPayment ?? ticket.orderNumber} optional />
      </div>
      <TextField name="desiredOutcome" label={t("listen.desiredOutcome")} value={ticket.desiredOutcome} rows={2} />
      <TextField
        name="restatement"
        label={t("listen.restatement")}
        hint={t("listen.restatementHint")}
        value={ticket.restatement}
        rows={3}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          name="severity"
          label={t("listen.severity")}
          value={ticket.severity}
          choices={SEVERITIES.map((s) => [s, t(`severities.${s}`)])}
        />
        <RadioField
          name="safetyRisk"
          label={t("listen.safetyRisk")}
          value={ticket.safetyRisk === null ? null : ticket.safetyRisk ? "yes" : "no"}
          choices={[
            ["no", t("no")],
            ["yes", t("yes")],
          ]}
        />
      </div>
      <SaveOrMove next={t("moveTo", { stage: t("stageNames.UNDERSTAND") })} />
    </TicketActionForm>
  );
}
