"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/server/actions/staff-action";
import { claimTicketAction } from "../actions";

export function ClaimButton({ ticketId }: { ticketId: string }) {
  const t = useTranslations("queue");
  const [state, action, pending] = useActionState<ActionResult | null, FormData>((_prev, formData) => claimTicketAction(formData), null);
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
      {state && !state.ok && (
        <span role="alert" className="text-sm text-red-700">
          {t(`claimErrors.${state.error}`)}
        </span>
      )}
    </form>
  );
}
