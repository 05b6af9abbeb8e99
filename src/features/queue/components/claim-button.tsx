"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE } from "@/lib/forms/form-state";
import { claimTicketAction } from "../actions";

// The refusals a claim can meet, each with the queue's own short sentence.
const CLAIM_ERRORS = new Set(["conflict", "notFound", "notSignedIn", "forbidden", "invalidInput"]);

export function ClaimButton({ ticketId }: { ticketId: string }) {
  const t = useTranslations("queue");
  const [state, action, pending] = useActionState(claimTicketAction, IDLE);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="ticketId" value={ticketId} />
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-teal-700 px-2 py-1 text-sm text-teal-800 hover:bg-teal-50 disabled:opacity-50"
      >
        {t("claim")}
      </button>
      {state.status === "error" && (
        <span role="alert" className="text-sm text-red-700">
          {t(`claimErrors.${CLAIM_ERRORS.has(state.code ?? "") ? state.code : "unexpected"}`)}
        </span>
      )}
    </form>
  );
}
