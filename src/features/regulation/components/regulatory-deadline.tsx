import { getFormatter, getTranslations } from "next-intl/server";
import { deadlineView, type DeadlineTranslator, type Formatter } from "@/components/deadline";
import type { RegulatoryClockView } from "../view";
import { RegulatoryDeadlineText, type RegulatoryDeadlineView } from "./regulatory-deadline-text";

export type RegulationTranslator = Awaited<ReturnType<typeof getTranslations<"regulation">>>;

/** The regulatory deadline beside the stage's: the regime, then the time left (warned, overdue or paused). */
export function regulatoryDeadlineView(
  t: { regulation: RegulationTranslator; deadline: DeadlineTranslator },
  format: Formatter,
  clock: RegulatoryClockView,
  now: Date,
): RegulatoryDeadlineView | null {
  if (!clock) return null;
  return {
    regime: clock.regime,
    label: t.regulation("label", { regime: clock.regime }),
    deadline: deadlineView(t.deadline, format, { dueAt: clock.dueAt, atRiskAt: clock.warnAt, now, paused: clock.paused }),
  };
}

export async function RegulatoryDeadline({ clock, now }: { clock: RegulatoryClockView; now: Date }) {
  if (!clock) return null;
  const [regulation, deadline, format] = await Promise.all([getTranslations("regulation"), getTranslations("deadline"), getFormatter()]);
  return <RegulatoryDeadlineText view={regulatoryDeadlineView({ regulation, deadline }, format, clock, now)!} />;
}
