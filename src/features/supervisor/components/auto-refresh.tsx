"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";

/**
 * Re-renders the page from the server every few seconds, so a ticket that turns at risk
 * or overdue appears without a reload. Paused while the tab is hidden.
 */
export function AutoRefresh({ intervalMs, renderedAt }: { intervalMs: number; renderedAt: string }) {
  const router = useRouter();
  // Its one key written out whole: the page sends this line's message, not the board's namespace.
  const t = useTranslations();
  const format = useFormatter();
  // The server's moment, not the browser's: the first paint must match what the server sent.
  const [refreshedAt, setRefreshedAt] = useState(() => new Date(renderedAt));
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState !== "visible") return;
      router.refresh();
      setRefreshedAt(new Date());
    }, intervalMs);
    return () => clearInterval(timer);
  }, [router, intervalMs]);
  return (
    <p className="text-sm text-slate-600" aria-live="off" data-testid="refreshed-at">
      {t("board.liveUpdated", { time: format.dateTime(refreshedAt, { hour: "2-digit", minute: "2-digit", second: "2-digit" }) })}
    </p>
  );
}
