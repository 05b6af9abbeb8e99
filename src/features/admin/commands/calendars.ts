import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { isUniqueViolation } from "@/server/db/errors";
import { DomainError } from "@/domain/errors";
import { adminChange, type AdminActor } from "../admin-change";
import type { CalendarInput, HolidayInput } from "../schemas";

const CALENDAR = {
  id: true,
  name: true,
  timeZone: true,
  hours: { select: { weekday: true, opensAt: true, closesAt: true }, orderBy: [{ weekday: "asc" }, { opensAt: "asc" }] },
} satisfies Prisma.BusinessCalendarSelect;

/**
 * Sets the time zone and the weekly hours. Running deadlines were computed when their stage
 * started and stay; new stages and resumed pauses are counted in the new hours.
 */
export function updateCalendar(actor: AdminActor, input: CalendarInput): Promise<void> {
  return adminChange(actor, async ({ tx, audit }) => {
    const before = await tx.businessCalendar.findUnique({ where: { id: input.calendarId }, select: CALENDAR });
    if (!before) throw new DomainError("adminRefused", { code: "calendarNotFound" });
    await tx.businessHours.deleteMany({ where: { calendarId: input.calendarId } });
    await tx.businessHours.createMany({ data: input.hours.map((h) => ({ ...h, calendarId: input.calendarId })) });
    const after = await tx.businessCalendar.update({
      where: { id: input.calendarId },
      data: { timeZone: input.timeZone },
      select: CALENDAR,
    });
    await audit({ entity: "BusinessCalendar", entityId: input.calendarId, action: "calendar.updated", before, after });
  });
}

export async function addHoliday(actor: AdminActor, input: HolidayInput): Promise<void> {
  return adminChange(actor, async ({ tx, audit }) => {
    if (!(await tx.businessCalendar.findUnique({ where: { id: input.calendarId }, select: { id: true } })))
      throw new DomainError("adminRefused", { code: "calendarNotFound" });
    const holiday = await tx.holiday.create({
      data: { calendarId: input.calendarId, date: new Date(`${input.date}T00:00:00Z`), nameEn: input.nameEn, nameId: input.nameId },
      select: { id: true, calendarId: true, date: true, nameEn: true, nameId: true },
    });
    await audit({ entity: "Holiday", entityId: holiday.id, action: "holiday.added", after: { ...holiday, date: input.date } });
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new DomainError("adminRefused", { code: "holidayExists", field: "date" });
    throw error;
  });
}

export function removeHoliday(actor: AdminActor, input: { holidayId: string }): Promise<void> {
  return adminChange(actor, async ({ tx, audit }) => {
    const before = await tx.holiday.findUnique({
      where: { id: input.holidayId },
      select: { id: true, calendarId: true, date: true, nameEn: true, nameId: true },
    });
    if (!before) throw new DomainError("adminRefused", { code: "holidayNotFound" });
    await tx.holiday.delete({ where: { id: input.holidayId } });
    await audit({
      entity: "Holiday",
      entityId: input.holidayId,
      action: "holiday.removed",
      before: { ...before, date: before.date.toISOString().slice(0, 10) },
    });
  });
}
