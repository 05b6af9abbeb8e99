"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE } from "@/lib/forms/form-state";
import { markNotificationsReadAction } from "../actions";

/** Marks one notice read, or every unread one when no id is given. */
export function MarkReadButton({ id, label }: { id?: string; label: string }) {
  const t = useTranslations("notifications");
  const [state, action, pending] = useActionState(markNotificationsReadAction, IDLE);
  return (
    <form action={action} className="flex items-center gap-2">
      {id && <input type="hidden" name="ids" value={id} />}
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-50"
      >
        {label}
      </button>
      {state.status === "error" && (
        <span role="alert" className="text-sm text-red-700">
          {t("failed")}
        </span>
      )}
    </form>
  );
}
