import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { MarkReadButton } from "@/features/notifications/components/mark-read-button";
import { NotificationList } from "@/features/notifications/components/notification-list";
import { listNotifications } from "@/features/notifications/inbox";
import type { Locale } from "@/i18n/locales";
import { requireRoleForPage } from "@/server/auth/session";
import { ClientMessages } from "@/i18n/client-messages";
import { NOTIFICATIONS_PAGE } from "@/i18n/client-namespaces";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function NotificationsPage() {
  const staff = await requireRoleForPage("AGENT", "/notifications");
  const t = await getTranslations("notifications");
  const notices = await listNotifications(staff.id, (await getLocale()) as Locale);
  const unread = notices.filter((n) => !n.read).length;
  return (
    <ClientMessages namespaces={NOTIFICATIONS_PAGE}>
      <div className="flex flex-col gap-4">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          {unread > 0 && <MarkReadButton label={t("markAllRead")} />}
        </div>
        <NotificationList notices={notices} />
      </div>
    </ClientMessages>
  );
}
