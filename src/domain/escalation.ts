import type { Stage } from "./stages";

/**
 * Escalation is a state with an owner, not a flag: an escalated ticket is in the supervisors' hands
 * until one of them records a settlement. Until then the agent may keep hearing and understanding
 * the case, but the ticket may not leave RESOLVE — nothing is promised, apologised for or closed on
 * a case a manager has been asked to settle.
 */

export const ESCALATION_SOURCES = ["AGENT", "DISPUTE", "SAFETY", "BREACH"] as const;
export type EscalationSource = (typeof ESCALATION_SOURCES)[number];

export const SETTLEMENT_DECISIONS = ["PROCEED", "FAVOUR_CUSTOMER", "EXPLAIN_POSITION", "MANAGER_FOLLOW_UP"] as const;
export type SettlementDecision = (typeof SETTLEMENT_DECISIONS)[number];

export interface EscalationState {
  escalated: boolean;
  settled: boolean;
}

export function awaitingSettlement(e: EscalationState): boolean {
  return e.escalated && !e.settled;
}

// RESOLVE is where the outcome is chosen; APOLOGISE is where it is told to the customer. An escalation
// raised in APOLOGISE (a missed deadline there) holds the closing just the same.
const HELD_STAGES: readonly Stage[] = ["RESOLVE", "APOLOGISE"];

/** Whether the ticket may not move on from `stage` (nor send the apology) until a supervisor settles. */
export function heldForSettlement(stage: Stage, e: EscalationState): boolean {
  return awaitingSettlement(e) && HELD_STAGES.includes(stage);
}

/**
 * What recording a judgement escalates on its own: a case newly recorded as disputed, or a newly
 * declared safety risk. Nothing when the ticket is already escalated: the first source is kept.
 */
export function autoEscalation(
  alreadyEscalated: boolean,
  change: { disputedBefore?: boolean; disputedAfter?: boolean; safetyDeclared?: boolean },
): EscalationSource | null {
  if (alreadyEscalated) return null;
  if (change.safetyDeclared) return "SAFETY";
  if (change.disputedAfter && !change.disputedBefore) return "DISPUTE";
  return null;
}
