import { getFormatter, getTranslations } from "next-intl/server";

/** Time left on a deadline, marked at risk or overdue. */
export async function Deadline({
  dueAt,
  atRiskAt,
  now,
  paused,
}: {
  dueAt: Date | null;
  atRiskAt: Date | null;
  now: Date;
  paused?: boolean;
}) {
  const t = await getTranslations("deadline");
  const format = await getFormatter();
  if (paused) return <span className="text-slate-600">{t("paused")}</span>;
  if (!dueAt) return <span className="text-slate-500">—</span>;
  const relative = format.relativeTime(dueAt, now);
  const exact = format.dateTime(dueAt, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  if (dueAt <= now)
    return (
      <span className="font-semibold text-red-700" title={exact} data-deadline="overdue">
        {t("overdue", { relative })}
      </span>
    );
  if (atRiskAt && atRiskAt <= now)
    return (
      <span className="font-semibold text-amber-700" title={exact} data-deadline="at-risk">
        {t("atRisk", { relative })}
      </span>
    );
  return (
    <span className="text-slate-800" title={exact} data-deadline="on-time">
      {t("due", { relative })}
    </span>
  );
}
