import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { InboxNotice } from "../inbox";
import { MarkReadButton } from "./mark-read-button";

/** The staff member's notices, newest first; unread ones stand out and say so to screen readers. */
export async function NotificationList({ notices }: { notices: InboxNotice[] }) {
  const t = await getTranslations("notifications");
  const format = await getFormatter();
  return notices.length === 0 ? (
    <p className="text-slate-600">{t("empty")}</p>
  ) : (
    <ul className="flex flex-col gap-2" data-testid="notifications">
      {notices.map((n) => (
        <li key={n.id} className={`rounded-lg border p-3 ${n.read ? "border-slate-200 bg-white" : "border-teal-300 bg-teal-50"}`}>
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div>
              <p className="font-semibold">
                {!n.read && <span className="sr-only">{t("unread")}: </span>}
                {n.title}
              </p>
              <p className="text-sm text-slate-700">{n.body}</p>
              <p className="mt-1 text-xs text-slate-600">
                {format.dateTime(n.createdAt, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" })}
                {n.reference && (
                  <>
                    {" · "}
                    <Link href={`/agent/tickets/${n.reference}`} className="text-teal-800 underline">
                      {t("open", { reference: n.reference })}
                    </Link>
                  </>
                )}
              </p>
            </div>
            {!n.read && <MarkReadButton id={n.id} label={t("markRead")} />}
          </div>
        </li>
      ))}
    </ul>
  );
}
