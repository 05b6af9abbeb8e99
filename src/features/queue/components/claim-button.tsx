"use client";

import { createContext, use, useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE, type FormState } from "@/lib/forms/form-state";
import { claimTicketAction } from "../actions";

// The refusals a claim can meet, each with the queue's own short sentence.
const CLAIM_ERRORS = new Set(["conflict", "notFound", "notSignedIn", "forbidden", "invalidInput"]);

const CLAIM_FORM = "queue-claim";

const ClaimContext = createContext<{ state: FormState; pending: boolean } | null>(null);

/**
 * One claim form for a whole list: each row's button submits it with its own ticket (by `form=` and
 * the button's value), so fifty rows carry fifty buttons rather than fifty forms with the action's
 * hidden fields. A refusal is shown beside the button that was pressed.
 */
export function ClaimScope({ children }: { children: React.ReactNode }) {
  const [state, action, pending] = useActionState(claimTicketAction, IDLE);
  return (
    <ClaimContext value={{ state, pending }}>
      <form id={CLAIM_FORM} action={action} hidden />
      {/* Refused before the ticket was read (signed out, say): no row to show it beside. */}
      {state.status === "error" && !state.values.ticketId && <ClaimError code={state.code} />}
      {children}
    </ClaimContext>
  );
}

export function ClaimButton({ ticketId }: { ticketId: string }) {
  const t = useTranslations("queue");
  const claim = use(ClaimContext);
  if (!claim) throw new Error("ClaimButton needs a ClaimScope around it");
  const { state, pending } = claim;
  return (
    <span className="flex items-center gap-2">
      <button
        type="submit"
        form={CLAIM_FORM}
        name="ticketId"
        value={ticketId}
        disabled={pending}
        className="rounded border border-teal-700 px-2 py-1 text-sm text-teal-800 hover:bg-teal-50 disabled:opacity-50"
      >
        {t("claim")}
      </button>
      {state.status === "error" && state.values.ticketId === ticketId && <ClaimError code={state.code} />}
    </span>
  );
}

function ClaimError({ code }: { code: string | undefined }) {
  const t = useTranslations("queue");
  return (
    <span role="alert" className="text-sm text-red-700">
      {t(`claimErrors.${CLAIM_ERRORS.has(code ?? "") ? code : "unexpected"}`)}
    </span>
  );
}
