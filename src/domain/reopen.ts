import { decide, type ProtocolState, type Refusal } from "./protocol";
import type { Stage } from "./stages";

/**
 * What a reopened complaint forgets: it was closed with an answer the customer disagrees with,
 * so that answer and the apology that came with it no longer stand and must be given again.
 * What was heard and understood stays: the case goes back to UNDERSTAND, not to the start.
 */
export interface ReopenReset {
  stage: Stage;
  closedAt: null;
  apologySentAt: null;
  resolutionOptionId: null;
  resolutionAmount: null;
  resolutionNote: null;
}

export type Reopening = { ok: true; reset: ReopenReset } | { ok: false; refusal: Refusal };

/** Whether the ticket may be reopened now and, if so, the columns the reopening sets. */
export function reopenReset(state: ProtocolState): Reopening {
  const decision = decide(state, { type: "reopen" });
  if (!decision.ok) return decision;
  return {
    ok: true,
    reset: {
      stage: decision.stage,
      closedAt: null,
      apologySentAt: null,
      resolutionOptionId: null,
      resolutionAmount: null,
      resolutionNote: null,
    },
  };
}
