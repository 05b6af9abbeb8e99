import type { Severity } from "./protocol";
import type { Priority } from "./stages";

/**
 * Safety first: a complaint where someone may be hurt, or whose harm the agent judged critical,
 * is worked before anything else and a supervisor hears of it at once.
 */

export interface SafetyAssessment {
  safetyRisk: boolean | null;
  severity: Severity | null;
}

export function callsForUrgency(assessment: SafetyAssessment): boolean {
  return assessment.safetyRisk === true || assessment.severity === "CRITICAL";
}

export interface SafetyRaise {
  /** The assessment newly calls for urgency: the supervisors are told. */
  declared: boolean;
  /** The priority the ticket takes, when it changes. */
  priority: Priority | null;
}

/**
 * What recording an assessment does. Only a newly declared risk acts: saving the same assessment
 * again leaves alone a priority a supervisor has since deliberately lowered.
 */
export function safetyRaise(before: SafetyAssessment, after: SafetyAssessment, priority: Priority): SafetyRaise {
  const declared = callsForUrgency(after) && !callsForUrgency(before);
  return { declared, priority: declared && priority !== "URGENT" ? "URGENT" : null };
}
