/**
 * Did recurrence fall after a root-cause action was done? Complaints of the action's category ×
 * root cause are counted per 30 days in the EFFECT_WINDOW_DAYS before it was done and in the days
 * since (at most as many); fewer than MIN_AFTER_DAYS since is too early to tell.
 */
export const EFFECT_WINDOW_DAYS = 90;
export const MIN_AFTER_DAYS = 30;

export type EffectVerdict = "notDone" | "tooEarly" | "fell" | "didNotFall";

export interface EffectFigures {
  beforePer30: number | null;
  afterPer30: number | null;
  afterDays: number | null;
}

export function effectVerdict(figures: EffectFigures): EffectVerdict {
  const { beforePer30, afterPer30, afterDays } = figures;
  if (beforePer30 === null || afterPer30 === null || afterDays === null) return "notDone";
  if (afterDays < MIN_AFTER_DAYS) return "tooEarly";
  return afterPer30 < beforePer30 ? "fell" : "didNotFall";
}
