import { SHIPPED_CALENDARS } from "@/domain/regulation/calendars";
import type { Prisma } from "@/generated/prisma/client";

/**
 * The calendars the regulatory regimes count working days on (src/domain/regulation/calendars.ts),
 * Monday to Friday 08:00–17:00 with their holidays. Created once, found by region afterwards: an
 * admin's edits (hours, holidays added or removed) are never overwritten, so it is safe on every start.
 */
export async function seedRegimeCalendars(db: Prisma.TransactionClient): Promise<void> {
  for (const shipped of Object.values(SHIPPED_CALENDARS)) {
    if (await db.businessCalendar.findUnique({ where: { region: shipped.region }, select: { id: true } })) continue;
    await db.businessCalendar.upsert({
      where: { name: shipped.name },
      create: {
        name: shipped.name,
        region: shipped.region,
        source: shipped.source,
        timeZone: shipped.timeZone,
        hours: { create: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: 8 * 60, closesAt: 17 * 60 })) },
        holidays: {
          create: shipped.holidays.map((h) => ({
            date: new Date(`${h.date}T00:00:00Z`),
            nameEn: h.nameEn,
            nameId: h.nameId,
            projected: h.projected ?? false,
          })),
        },
      },
      // A calendar an admin made under the same name becomes the region's, its hours and holidays kept.
      update: { region: shipped.region, source: shipped.source },
    });
  }
}
