import "server-only";
import type { BusinessCalendar } from "@/domain/business-time";
import { effectiveRegime } from "@/domain/regulation/clock";
import type { Regime, RegimeCode } from "@/domain/regulation/regimes";
import type { Prisma } from "@/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** A regime as it applies here (the admin's policy choices over it) and the calendar it counts on. */
export interface RegimeContext {
  regime: Regime;
  /** Null when the regime needs none (NONE) or its calendar is not set up (the clock then refuses). */
  calendar: BusinessCalendar | null;
}

/** The calendar seeded for a region ("ID", "GB-EAW", "AU"), as the domain counts on it; null when missing. */
export async function loadRegionCalendar(tx: Tx, region: string): Promise<BusinessCalendar | null> {
  const row = await tx.businessCalendar.findUnique({
    where: { region },
    select: {
      timeZone: true,
      hours: { select: { weekday: true, opensAt: true, closesAt: true } },
      holidays: { select: { date: true } },
    },
  });
  if (!row) return null;
  return { timeZone: row.timeZone, hours: row.hours, holidays: row.holidays.map((h) => h.date.toISOString().slice(0, 10)) };
}

export async function loadRegimeContext(tx: Tx, code: RegimeCode): Promise<RegimeContext> {
  const setting = await tx.regimeSetting.findUnique({
    where: { regime: code },
    select: { warnBeforeDays: true, acknowledgeDays: true, countsFromComplete: true },
  });
  const regime = effectiveRegime(code, setting);
  return { regime, calendar: regime.calendar ? await loadRegionCalendar(tx, regime.calendar) : null };
}
