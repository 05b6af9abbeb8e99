import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { roleAtLeast } from "@/domain/roles";
import { env } from "@/env";
import { signOutAction } from "@/features/auth/actions";
import { ClientMessages } from "@/i18n/client-messages";
import { EVERY_PAGE } from "@/i18n/client-namespaces";
import { LocaleSwitcher } from "@/i18n/locale-switcher";
import { countUnread } from "@/features/notifications/inbox";
import { StaffSearchBox } from "@/features/search/components/staff-search-box";
import { currentStaff } from "@/server/auth/session";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tanggap", template: "%s · Tanggap" },
  description: "Complaints heard, understood, resolved — and apologised for.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Side by side: the session and its person are read once per request (currentStaff is cached and
  // shared with the page), the unread count as soon as the person is known.
  const [locale, t, [staff, unread]] = await Promise.all([
    getLocale(),
    getTranslations("layout"),
    currentStaff().then(async (s) => [s, s ? await countUnread(s.id) : 0] as const),
  ]);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        {/* Each page that has client components reading messages wraps them in its own ClientMessages. */}
        <ClientMessages namespaces={EVERY_PAGE}>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
            {t("skipToContent")}
          </a>
          <header className="border-b border-slate-200 bg-white">
            <nav aria-label={t("mainNav")} className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-5 gap-y-2 px-4 py-3">
              <Link href="/" className="text-lg font-bold text-teal-800">
                Tanggap
              </Link>
              <Link href="/complaints/new" className="text-slate-700 hover:text-teal-800">
                {t("fileComplaint")}
              </Link>
              {staff && (
                <Link href="/agent" className="text-slate-700 hover:text-teal-800">
                  {t("queue")}
                </Link>
              )}
              {staff && roleAtLeast(staff.role, "SUPERVISOR") && (
                <Link href="/supervisor" className="text-slate-700 hover:text-teal-800">
                  {t("supervisor")}
                </Link>
              )}
              {staff && roleAtLeast(staff.role, "SUPERVISOR") && (
                <Link href="/supervisor/reports" className="text-slate-700 hover:text-teal-800">
                  {t("reports")}
                </Link>
              )}
              {staff && env().TANGGAP_DEMO === "1" && (
                <Link href="/agent/outbox" className="text-slate-700 hover:text-teal-800">
                  {t("outbox")}
                </Link>
              )}
              {staff && (
                <Link href="/notifications" className="text-slate-700 hover:text-teal-800" data-testid="notifications-link">
                  {unread > 0 ? (
                    <>
                      {t("notifications")}{" "}
                      <span
                        className="rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white"
                        aria-label={t("unreadCount", { count: unread })}
                      >
                        {unread}
                      </span>
                    </>
                  ) : (
                    t("notifications")
                  )}
                </Link>
              )}
              {staff && roleAtLeast(staff.role, "ADMIN") && (
                <Link href="/admin" className="text-slate-700 hover:text-teal-800">
                  {t("admin")}
                </Link>
              )}
              <div className="ml-auto flex items-center gap-3">
                {staff && (
                  <StaffSearchBox
                    label={t("search")}
                    placeholder={t("searchPlaceholder")}
                    hint={t("searchHint")}
                    submit={t("searchSubmit")}
                  />
                )}
                <LocaleSwitcher />
                {staff ? (
                  <form action={signOutAction} className="flex items-center gap-2 text-sm">
                    <span className="text-slate-600" data-testid="signed-in-as">
                      {staff.name}
                    </span>
                    <button type="submit" title={t("signOutHint")} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
                      {t("signOut")}
                    </button>
                  </form>
                ) : (
                  <Link href="/login" className="text-sm text-slate-700 hover:text-teal-800">
                    {t("staffSignIn")}
                  </Link>
                )}
              </div>
            </nav>
          </header>
          {/* A page that works in several columns (the ticket workspace) marks itself data-wide-page and gets the screen's width. */}
          <main id="main" className="mx-auto max-w-6xl px-4 py-8 has-[[data-wide-page]]:max-w-[90rem] has-[[data-wide-page]]:py-4">
            {children}
          </main>
        </ClientMessages>
      </body>
    </html>
  );
}
