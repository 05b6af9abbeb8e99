import type { LetterKind, LetterOutcome } from "./letter-check";
import type { RegimeCode } from "./regimes";

// Four-eyes (issue 16, item 9): some letters need a second person's approval before they are sent.
// A letter has regulatory impact when it is a final response under a regime (any but NONE) that
// upholds the complaint in whole or in part, or that carries redress: it commits the firm to a
// finding or a payment the regulator and the ombudsman will read. Apart from that, any letter whose
// redress (goodwill included: it is money paid all the same) is above the amount an admin set for
// the regime needs approval. An extension letter is the clock's notice and commits to nothing: it
// is never held (its deadline could pass while it waits).

export type FourEyesReason = "impact" | "redress";

export interface FourEyesFacts {
  regime: RegimeCode;
  kind: LetterKind;
  outcome: LetterOutcome | null;
  /** The redress the letter states, summed (goodwill included); 0 when none. */
  redressTotal: number;
  /** Whether the letter states any redress at all. */
  hasRedress: boolean;
  /** The admin's amount for the regime (RegimeSetting.fourEyesRedressAbove); null: none set. */
  redressAbove: number | null;
}

/** Why this letter needs a second person's approval before it is sent; null when it does not. */
export function fourEyesReason(facts: FourEyesFacts): FourEyesReason | null {
  if (facts.regime === "NONE" || facts.kind === "EXTENSION" || facts.kind === "HOLDING_REPLY") return null;
  if (facts.kind === "FINAL_RESPONSE" && (facts.outcome === "UPHELD" || facts.outcome === "PARTLY_UPHELD" || facts.hasRedress))
    return "impact";
  if (facts.redressAbove !== null && facts.redressTotal > facts.redressAbove) return "redress";
  return null;
}

/** The approver is a second person: a supervisor or an admin who did not write the letter. */
export function mayApproveLetter(approver: { id: string; role: string }, authorId: string): "ok" | "ownLetter" | "role" {
  if (approver.role !== "SUPERVISOR" && approver.role !== "ADMIN") return "role";
  if (approver.id === authorId) return "ownLetter";
  return "ok";
}
