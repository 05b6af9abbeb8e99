import type { getFormatter, getTranslations } from "next-intl/server";
import type { DeadlineView } from "./deadline-text";

export type DeadlineTranslator = Awaited<ReturnType<typeof getTranslations<"deadline">>>;
export type Formatter = Awaited<ReturnType<typeof getFormatter>>;

export interface DeadlineTimes {
  dueAt: Date | null;
  atRiskAt: Date | null;
  now: Date;
  paused?: boolean;
}

/** Time left on a deadline, marked at risk or overdue, in the request's language and time zone. */
export function deadlineView(t: DeadlineTranslator, format: Formatter, { dueAt, atRiskAt, now, paused }: DeadlineTimes): DeadlineView {
  if (paused) return { state: "paused", text: t("paused") };
  if (!dueAt) return { state: "none", text: "—" };
  const relative = format.relativeTime(dueAt, now);
  const exact = format.dateTime(dueAt, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  if (dueAt <= now) return { state: "overdue", text: t("overdue", { relative }), exact };
  if (atRiskAt && atRiskAt <= now) return { state: "atRisk", text: t("atRisk", { relative }), exact };
  return { state: "due", text: t("due", { relative }), exact };
}
