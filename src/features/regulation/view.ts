import type { RegimeCode } from "@/domain/regulation/regimes";

/** The regulatory clock as every page shows it: null when the ticket has none (NONE, or no deadline). */
export type RegulatoryClockView = {
  regime: RegimeCode;
  dueAt: Date;
  warnAt: Date | null;
  paused: boolean;
  breached: boolean;
} | null;

export function regulatoryClockView(t: {
  regime: RegimeCode;
  regulatoryDueAt: Date | null;
  regulatoryWarnAt?: Date | null;
  regulatoryPausedAt?: Date | null;
  regulatoryBreachedAt?: Date | null;
}): RegulatoryClockView {
  if (t.regime === "NONE" || !t.regulatoryDueAt) return null;
  return {
    regime: t.regime,
    dueAt: t.regulatoryDueAt,
    warnAt: t.regulatoryWarnAt ?? null,
    paused: t.regulatoryPausedAt != null,
    breached: t.regulatoryBreachedAt != null,
  };
}
