import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { MarkReadButton } from "@/features/notifications/components/mark-read-button";
import { listNotifications } from "@/features/notifications/inbox";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const staff = await requireRoleForPage("AGENT", "/notifications");
  const t = await getTranslations("notifications");
  const format = await getFormatter();
  const notices = await listNotifications(staff.id);
  const unread = notices.filter((n) => !n.read).length;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {unread > 0 && <MarkReadButton label={t("markAllRead")} />}
      </div>
      {notices.length === 0 ? (
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
      )}
    </div>
  );
}
