import { getTranslations } from "next-intl/server";
import { Deadline } from "@/components/deadline";
import type { RegulatoryClockView } from "../view";

/** The regulatory deadline beside the stage's: the regime, then the time left (warned, overdue or paused). */
export async function RegulatoryDeadline({ clock, now }: { clock: RegulatoryClockView; now: Date }) {
  if (!clock) return null;
  const t = await getTranslations("regulation");
  return (
    <span className="flex flex-wrap items-baseline gap-1 text-xs" data-regulatory-deadline={clock.regime}>
      <span className="font-semibold text-slate-600">{t("label", { regime: clock.regime })}</span>
      <Deadline dueAt={clock.dueAt} atRiskAt={clock.warnAt} now={now} paused={clock.paused} />
    </span>
  );
}
