import type { BusinessCalendar } from "@/domain/business-time";
import { WEEKDAYS_8_TO_17 } from "@/domain/business-time";
import { DEFAULT_SLA_TARGETS, pickSlaTarget, type SlaTargetRule } from "@/domain/sla";
import type { Priority, Stage } from "@/domain/stages";
import type { Prisma } from "@/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export interface SlaPolicy {
  calendar: BusinessCalendar;
  rules: SlaTargetRule[];
}

const FALLBACK_CALENDAR: BusinessCalendar = { timeZone: "Asia/Jakarta", hours: WEEKDAYS_8_TO_17, holidays: [] };

/** The admin-edited targets and the default calendar, as the domain needs them. */
export async function loadSlaPolicy(tx: Tx): Promise<SlaPolicy> {
  const [calendar, targets] = await Promise.all([
    tx.businessCalendar.findFirst({
      where: { isDefault: true },
      select: {
        timeZone: true,
        hours: { select: { weekday: true, opensAt: true, closesAt: true } },
        holidays: { select: { date: true } },
      },
    }),
    tx.slaTarget.findMany({
      select: { priority: true, stage: true, businessMinutes: true, atRiskPercent: true, category: { select: { code: true } } },
    }),
  ]);
  return {
    calendar: calendar
      ? {
          timeZone: calendar.timeZone,
          hours: calendar.hours,
          holidays: calendar.holidays.map((h) => h.date.toISOString().slice(0, 10)),
        }
      : FALLBACK_CALENDAR,
    rules: targets.map((t) => ({
      categoryCode: t.category?.code ?? null,
      priority: t.priority,
      stage: t.stage,
      businessMinutes: t.businessMinutes,
      atRiskPercent: t.atRiskPercent,
    })),
  };
}

/** The rule that applies, falling back to the design brief's defaults when an admin removed every match. */
export function targetFor(policy: SlaPolicy, categoryCode: string, priority: Priority, stage: Stage): SlaTargetRule {
  const rule =
    pickSlaTarget(policy.rules, categoryCode, priority, stage) ?? pickSlaTarget(DEFAULT_SLA_TARGETS, categoryCode, priority, stage);
  if (!rule) throw new Error(`No SLA target for stage ${stage}`);
  return rule;
}
