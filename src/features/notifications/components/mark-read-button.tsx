"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/server/actions/staff-action";
import { markNotificationsReadAction } from "../actions";

/** Marks one notice read, or every unread one when no id is given. */
export function MarkReadButton({ id, label }: { id?: string; label: string }) {
  const t = useTranslations("notifications");
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(
    (_prev, formData) => markNotificationsReadAction(formData),
    null,
  );
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
      {state && !state.ok && (
        <span role="alert" className="text-sm text-red-700">
          {t("failed")}
        </span>
      )}
    </form>
  );
}
