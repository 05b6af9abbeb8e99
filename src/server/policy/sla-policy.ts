import type { BusinessCalendar } from "@/domain/business-time";
import { WEEKDAYS_8_TO_17 } from "@/domain/business-time";
import { DEFAULT_SLA_TARGETS, pickSlaTarget, type SlaTargetRule } from "@/domain/sla";
import type { Priority, Stage } from "@/domain/stages";
import { Prisma } from "@/generated/prisma/client";
import { calendarJson } from "./calendar-sql";

type Tx = Pick<Prisma.TransactionClient, "$queryRaw">;

export interface SlaPolicy {
  calendar: BusinessCalendar;
  rules: SlaTargetRule[];
}

const FALLBACK_CALENDAR: BusinessCalendar = { timeZone: "Asia/Jakarta", hours: WEEKDAYS_8_TO_17, holidays: [] };

/**
 * The admin-edited targets and the default calendar, as the domain needs them. Read on every
 * filing and stage change, in one statement (five through Prisma's relation reads): never cached in
 * the process, as several instances share the database and an admin's change applies at once.
 */
export async function loadSlaPolicy(tx: Tx): Promise<SlaPolicy> {
  const [row] = await tx.$queryRaw<[{ calendar: BusinessCalendar | null; rules: SlaTargetRule[] }]>`
    SELECT ${calendarJson(Prisma.sql`c."isDefault"`)} AS "calendar",
      coalesce((
        SELECT json_agg(json_build_object(
          'categoryCode', cat."code", 'priority', t."priority", 'stage', t."stage",
          'businessMinutes', t."businessMinutes", 'atRiskPercent', t."atRiskPercent"))
        FROM "SlaTarget" t LEFT JOIN "Category" cat ON cat."id" = t."categoryId"), '[]'::json) AS "rules"`;
  return { calendar: row.calendar ?? FALLBACK_CALENDAR, rules: row.rules };
}

/** The rule that applies, falling back to the design brief's defaults when an admin removed every match. */
export function targetFor(policy: SlaPolicy, categoryCode: string, priority: Priority, stage: Stage): SlaTargetRule {
  const rule =
    pickSlaTarget(policy.rules, categoryCode, priority, stage) ?? pickSlaTarget(DEFAULT_SLA_TARGETS, categoryCode, priority, stage);
  if (!rule) throw new Error(`No SLA target for stage ${stage}`);
  return rule;
}
