import "server-only";
import type { BusinessCalendar } from "@/domain/business-time";
import { effectiveRegime } from "@/domain/regulation/clock";
import type { Regime, RegimeCode } from "@/domain/regulation/regimes";
import { Prisma } from "@/generated/prisma/client";
import { calendarJson } from "@/server/policy/calendar-sql";

type Tx = Prisma.TransactionClient;

/** A regime as it applies here (the admin's policy choices over it) and the calendar it counts on. */
export interface RegimeContext {
  regime: Regime;
  /** Null when the regime needs none (NONE) or its calendar is not set up (the clock then refuses). */
  calendar: BusinessCalendar | null;
}

/** The calendar seeded for a region ("ID", "GB-EAW", "AU"), as the domain counts on it; null when missing. */
export async function loadRegionCalendar(tx: Tx, region: string): Promise<BusinessCalendar | null> {
  const [row] = await tx.$queryRaw<[{ calendar: BusinessCalendar | null }]>`
    SELECT ${calendarJson(Prisma.sql`c."region" = ${region}`)} AS "calendar"`;
  return row.calendar;
}

export async function loadRegimeContext(tx: Tx, code: RegimeCode): Promise<RegimeContext> {
  const setting = await tx.regimeSetting.findUnique({
    where: { regime: code },
    select: { warnBeforeDays: true, acknowledgeDays: true, countsFromComplete: true },
  });
  const regime = effectiveRegime(code, setting);
  return { regime, calendar: regime.calendar ? await loadRegionCalendar(tx, regime.calendar) : null };
}
