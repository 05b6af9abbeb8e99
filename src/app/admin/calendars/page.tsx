import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminPage } from "@/features/admin/components/admin-nav";
import { CalendarHoursForm, HolidayList } from "@/features/admin/components/calendar-forms";
import { listCalendars } from "@/features/admin/queries";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Admin" };

export default async function CalendarsPage() {
  await requireRoleForPage("ADMIN", "/admin/calendars");
  const t = await getTranslations("admin");
  const calendars = await listCalendars();
  return (
    <AdminPage current="/admin/calendars" title={t("nav.calendars")}>
      <p className="text-sm text-slate-600">{t("calendars.hint")}</p>
      {calendars.map((calendar) => (
        <section
          key={calendar.id}
          aria-labelledby={`calendar-${calendar.id}`}
          className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id={`calendar-${calendar.id}`} className="text-lg font-semibold">
            {calendar.name}
            {calendar.isDefault && <span className="ml-2 text-sm font-normal text-slate-600">({t("calendars.default")})</span>}
          </h2>
          {calendar.region && <p className="text-sm text-slate-600">{t("calendars.region", { region: calendar.region })}</p>}
          {calendar.source && <p className="text-sm text-slate-600">{t("calendars.source", { source: calendar.source })}</p>}
          <CalendarHoursForm calendar={calendar} />
          <h3 className="font-semibold">{t("calendars.holidays")}</h3>
          <HolidayList calendar={calendar} />
        </section>
      ))}
    </AdminPage>
  );
}
