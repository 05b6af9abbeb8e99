"use client";

import { useEffect, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";

/** The current stage's deadline, kept live: it turns at risk and overdue without a reload. */
export function Countdown({
  dueAt,
  atRiskAt,
  paused,
  renderedAt,
}: {
  dueAt: string | null;
  atRiskAt: string | null;
  paused: boolean;
  renderedAt: string;
}) {
  const t = useTranslations("deadline");
  const format = useFormatter();
  // Starts from the server's moment so the first paint matches what the server sent; then live.
  const [now, setNow] = useState(() => Date.parse(renderedAt));
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  if (paused)
    return (
      <span className="rounded bg-slate-200 px-2 py-1 text-sm text-slate-700" data-deadline="paused">
        {t("paused")}
      </span>
    );
  if (!dueAt) return null;
  const due = new Date(dueAt);
  const relative = format.relativeTime(due, now);
  const exact = format.dateTime(due, {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  });
  const status = due.getTime() <= now ? "overdue" : atRiskAt && new Date(atRiskAt).getTime() <= now ? "at-risk" : "on-time";
  const styles = { overdue: "bg-red-100 text-red-800", "at-risk": "bg-amber-100 text-amber-900", "on-time": "bg-teal-50 text-teal-900" };
  const label =
    status === "overdue" ? t("overdue", { relative }) : status === "at-risk" ? t("atRisk", { relative }) : t("due", { relative });
  return (
    <span
      role="timer"
      aria-live="off"
      title={exact}
      data-deadline={status}
      className={`rounded px-2 py-1 text-sm font-semibold ${styles[status]}`}
    >
      {label} · {exact}
    </span>
  );
}
