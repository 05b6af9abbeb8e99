import { awaitingSettlement, heldForSettlement } from "./escalation";
import type { Stage } from "./stages";

/**
 * The complaint protocol: listen → understand → resolve → apologise. Each stage has a
 * gate — what must be recorded before the ticket may leave it — and the moves a ticket
 * can make. Every refusal names the gates that are unmet, so the agent knows what to do.
 */

export const ROOT_CAUSES = ["OUR_ERROR", "THIRD_PARTY", "CUSTOMER_MISUNDERSTANDING", "UNDETERMINED"] as const;
export type RootCause = (typeof ROOT_CAUSES)[number];

export const SEVERITIES = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export type Severity = (typeof SEVERITIES)[number];

export type ApprovalState = "NOT_NEEDED" | "PENDING" | "APPROVED" | "DENIED";

/** What the protocol needs to know about a ticket; the data layer builds it from the stored row. */
export interface ProtocolState {
  stage: Stage;
  waitingOnCustomer: boolean;
  /** A public message from staff exists: the customer has been acknowledged. */
  acknowledged: boolean;
  factsWhat: string | null;
  desiredOutcome: string | null;
  restatement: string | null;
  severity: Severity | null;
  safetyRisk: boolean | null;
  rootCause: RootCause | null;
  finding: string | null;
  clarificationSent: boolean;
  disputed: boolean;
  escalated: boolean;
  /** A supervisor recorded how the escalation is settled. */
  settled: boolean;
  resolutionChosen: boolean;
  /** The chosen option needs an amount and none is recorded. */
  resolutionAmountMissing: boolean;
  approval: ApprovalState;
  apologySent: boolean;
}

export type Gate =
  | "acknowledgement"
  | "facts"
  | "desiredOutcome"
  | "restatement"
  | "severity"
  | "safetyRisk"
  | "rootCause"
  | "finding"
  | "clarification"
  | "escalation"
  | "resolution"
  | "resolutionAmount"
  | "approvalPending"
  | "approvalDenied"
  | "apology";

const filled = (s: string | null) => s !== null && s.trim().length > 0;

/** The gates of the ticket's current stage that are not yet met, in the order to meet them. */
export function unmetGates(state: ProtocolState): Gate[] {
  const unmet: Gate[] = [];
  switch (state.stage) {
    case "NEW":
      if (!state.acknowledged) unmet.push("acknowledgement");
      break;
    case "LISTEN":
      if (!filled(state.factsWhat)) unmet.push("facts");
      if (!filled(state.desiredOutcome)) unmet.push("desiredOutcome");
      if (!filled(state.restatement)) unmet.push("restatement");
      if (!state.severity) unmet.push("severity");
      if (state.safetyRisk === null) unmet.push("safetyRisk");
      break;
    case "UNDERSTAND":
      if (!state.rootCause) unmet.push("rootCause");
      if (!filled(state.finding)) unmet.push("finding");
      if (state.rootCause === "CUSTOMER_MISUNDERSTANDING" && !state.clarificationSent) unmet.push("clarification");
      if (state.disputed && !state.escalated) unmet.push("escalation");
      break;
    case "RESOLVE":
      if (!state.resolutionChosen) unmet.push("resolution");
      else if (state.resolutionAmountMissing) unmet.push("resolutionAmount");
      if (state.approval === "PENDING") unmet.push("approvalPending");
      if (state.approval === "DENIED") unmet.push("approvalDenied");
      break;
    case "APOLOGISE":
      if (!state.apologySent) unmet.push("apology");
      break;
    case "CLOSED":
      break;
  }
  return unmet;
}

const NEXT: Record<Stage, Stage | null> = {
  NEW: "LISTEN",
  LISTEN: "UNDERSTAND",
  UNDERSTAND: "RESOLVE",
  RESOLVE: "APOLOGISE",
  APOLOGISE: "CLOSED",
  CLOSED: null,
};

export function nextStage(stage: Stage): Stage | null {
  return NEXT[stage];
}

export type Move =
  { type: "advance" } | { type: "waitForCustomer" } | { type: "resume" } | { type: "reopen" } | { type: "escalate" } | { type: "settle" };

export type Refusal =
  | { reason: "gatesUnmet"; gates: Gate[] }
  | { reason: "closed" }
  | { reason: "notClosed" }
  | { reason: "waitingOnCustomer" }
  | { reason: "notWaiting" }
  | { reason: "alreadyWaiting" }
  | { reason: "notAcknowledged" }
  | { reason: "alreadyEscalated" }
  | { reason: "awaitingSettlement" }
  | { reason: "notEscalated" }
  | { reason: "alreadySettled" };

export type Decision = { ok: true; stage: Stage; waitingOnCustomer: boolean; stageChanged: boolean } | { ok: false; refusal: Refusal };

const refuse = (refusal: Refusal): Decision => ({ ok: false, refusal });

/** Whether a move is allowed from this state, and where it leads. */
export function decide(state: ProtocolState, move: Move): Decision {
  const stay = (waitingOnCustomer: boolean): Decision => ({ ok: true, stage: state.stage, waitingOnCustomer, stageChanged: false });
  switch (move.type) {
    case "advance": {
      const to = nextStage(state.stage);
      if (!to) return refuse({ reason: "closed" });
      if (state.waitingOnCustomer) return refuse({ reason: "waitingOnCustomer" });
      // Before the gates: whatever else is missing, it is the supervisor the agent waits for.
      if (heldForSettlement(state.stage, state)) return refuse({ reason: "awaitingSettlement" });
      const gates = unmetGates(state);
      if (gates.length) return refuse({ reason: "gatesUnmet", gates });
      return { ok: true, stage: to, waitingOnCustomer: false, stageChanged: true };
    }
    case "waitForCustomer":
      if (state.stage === "CLOSED") return refuse({ reason: "closed" });
      // One cannot wait for an answer from someone who has not yet heard from us.
      if (state.stage === "NEW") return refuse({ reason: "notAcknowledged" });
      if (state.waitingOnCustomer) return refuse({ reason: "alreadyWaiting" });
      return stay(true);
    case "resume":
      if (!state.waitingOnCustomer) return refuse({ reason: "notWaiting" });
      return stay(false);
    case "reopen":
      if (state.stage !== "CLOSED") return refuse({ reason: "notClosed" });
      return { ok: true, stage: "UNDERSTAND", waitingOnCustomer: false, stageChanged: true };
    case "escalate":
      if (state.stage === "CLOSED") return refuse({ reason: "closed" });
      if (state.escalated) return refuse({ reason: "alreadyEscalated" });
      return stay(state.waitingOnCustomer);
    case "settle":
      if (!state.escalated) return refuse({ reason: "notEscalated" });
      if (!awaitingSettlement(state)) return refuse({ reason: "alreadySettled" });
      return stay(state.waitingOnCustomer);
  }
}

/** A state with nothing recorded: a ticket just filed. */
export function initialProtocolState(desiredOutcome: string | null): ProtocolState {
  return {
    stage: "NEW",
    waitingOnCustomer: false,
    acknowledged: false,
    factsWhat: null,
    desiredOutcome,
    restatement: null,
    severity: null,
    safetyRisk: null,
    rootCause: null,
    finding: null,
    clarificationSent: false,
    disputed: false,
    escalated: false,
    settled: false,
    resolutionChosen: false,
    resolutionAmountMissing: false,
    approval: "NOT_NEEDED",
    apologySent: false,
  };
}
