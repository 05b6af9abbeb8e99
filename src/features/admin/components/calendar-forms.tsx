"use client";

import { useLocale, useTranslations } from "next-intl";
import { named } from "@/i18n/named";
import { ActionForm } from "@/components/action-form";
import { SubmitButton } from "@/components/submit-button";
import { formatClosingTime, formatTimeOfDay, ISO_WEEKDAYS } from "@/domain/admin/weekly-hours";
import { addHolidayAction, removeHolidayAction, updateCalendarAction } from "../actions";
import { TextField, secondaryButton } from "./fields";

interface Calendar {
  id: string;
  name: string;
  timeZone: string;
  hours: { weekday: number; opensAt: number; closesAt: number }[];
  holidays: { id: string; date: string; nameEn: string; nameId: string; projected: boolean }[];
}

/** The time zone and one row per weekday; both times empty means closed that day. */
export function CalendarHoursForm({ calendar }: { calendar: Calendar }) {
  const t = useTranslations("admin");
  const prefix = `calendar-${calendar.id}`;
  return (
    <ActionForm action={updateCalendarAction} hidden={{ calendarId: calendar.id }} label={t("calendars.hours", { name: calendar.name })}>
      <TextField
        name="timeZone"
        idPrefix={prefix}
        label={t("calendars.timeZone")}
        hint={t("calendars.timeZoneHint")}
        defaultValue={calendar.timeZone}
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">{t("calendars.weeklyHours")}</legend>
        <p className="text-sm text-slate-600">{t("calendars.weeklyHoursHint")}</p>
        {ISO_WEEKDAYS.map((weekday) => {
          const hours = calendar.hours.find((h) => h.weekday === weekday);
          const day = t(`weekdays.${weekday}`);
          return (
            <div key={weekday} className="grid grid-cols-2 gap-3 sm:grid-cols-[8rem_1fr_1fr] sm:items-end">
              <span className="col-span-2 font-medium sm:col-span-1 sm:pb-2">{day}</span>
              <TextField
                name={`opens${weekday}`}
                idPrefix={prefix}
                type="time"
                label={t("calendars.opens", { day })}
                defaultValue={hours ? formatTimeOfDay(hours.opensAt) : ""}
              />
              <TextField
                name={`closes${weekday}`}
                idPrefix={prefix}
                type="time"
                label={t("calendars.closes", { day })}
                defaultValue={hours ? formatClosingTime(hours.closesAt) : ""}
              />
            </div>
          );
        })}
      </fieldset>
      <div>
        <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function HolidayList({ calendar }: { calendar: Calendar }) {
  const t = useTranslations("admin");
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-col gap-1 text-sm">
        {calendar.holidays.map((h) => (
          <li key={h.id} className="flex items-center gap-3">
            <span className="font-mono">{h.date}</span>
            <span className="flex-1">
              {named(h, locale)}
              {h.projected && <span className="ml-2 text-slate-600">({t("calendars.projected")})</span>}
            </span>
            <ActionForm
              action={removeHolidayAction}
              hidden={{ holidayId: h.id }}
              label={`${t("calendars.removeHoliday")}: ${h.date}`}
              className="flex"
            >
              <button
                type="submit"
                className={secondaryButton}
                aria-label={`${t("calendars.removeHoliday")}: ${h.date} ${named(h, locale)}`}
              >
                {t("calendars.removeHoliday")}
              </button>
            </ActionForm>
          </li>
        ))}
      </ul>
      <ActionForm
        action={addHolidayAction}
        hidden={{ calendarId: calendar.id }}
        label={t("calendars.addHoliday")}
        className="grid gap-3 sm:grid-cols-[12rem_1fr_1fr_auto] sm:items-end"
      >
        <TextField name="date" idPrefix={`holiday-${calendar.id}`} type="date" label={t("calendars.holidayDate")} />
        <TextField name="nameEn" idPrefix={`holiday-${calendar.id}`} label={t("calendars.holidayNameEn")} />
        <TextField name="nameId" idPrefix={`holiday-${calendar.id}`} label={t("calendars.holidayNameId")} />
        <div>
          <SubmitButton pendingText={t("saving")}>{t("calendars.addHoliday")}</SubmitButton>
        </div>
      </ActionForm>
    </div>
  );
}
