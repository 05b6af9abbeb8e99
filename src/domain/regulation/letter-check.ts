import { extensionRule, type ComplaintKind } from "./clock";
import { REGIMES, type RegimeCode } from "./regimes";

// What each regulated letter must say, per regime and kind, and the check that refuses a letter
// lacking any of it. A letter is made from the record (features/letters/compose.ts); an element the
// record cannot fill (no deadline set, no outcome recorded, no reasons written) is left out of the
// text, and this check then names it, so the agent knows what to record before sending.

export const LETTER_KINDS = ["ACKNOWLEDGEMENT", "EXTENSION", "HOLDING_REPLY", "SUMMARY_RESOLUTION", "FINAL_RESPONSE"] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_ELEMENTS = [
  "reference",
  "receivedAt",
  "product",
  "officer",
  "deadline",
  "reason",
  "newDeadline",
  "resolution",
  "outcome",
  "reasons",
  "redress",
  "escalationRights",
  "timeLimit",
] as const;
export type LetterElement = (typeof LETTER_ELEMENTS)[number];

export type LetterOutcome = "UPHELD" | "PARTLY_UPHELD" | "NOT_UPHELD";

/**
 * Whether a complaint under this regime has the kind of letter at all: the notice of the regime's
 * extension rule (an extension under OJK and BI, a holding reply for an FCA payment-services
 * complaint) only where that rule applies, a summary resolution only under the FCA.
 */
export function letterKindAllowed(regime: RegimeCode, kind: LetterKind, complaint: ComplaintKind = {}): boolean {
  const r = REGIMES[regime];
  if (kind === "EXTENSION" || kind === "HOLDING_REPLY") return extensionRule(r, complaint)?.letterKind === kind;
  if (kind === "SUMMARY_RESOLUTION") return Boolean(r.summaryResolution);
  return true;
}

/**
 * The elements a letter of this kind must carry under this regime:
 * - acknowledgement: the reference and the date received; the deadline where the regime sets one;
 *   under OJK and BI also the product and the handling officer (POJK 22/2023's receipt);
 * - extension: the reason and the new deadline (notice before the first deadline);
 * - holding reply (FCA DISP 1.6.2AR(2), payment services): the reasons for the delay, the date by
 *   which the final response will be sent, and the Ombudsman's rights;
 * - summary resolution (FCA DISP 1.5.4): what resolved it and the Ombudsman's rights;
 * - final response: the outcome and its reasons, the redress where the complaint is upheld in whole
 *   or part, and where the regime has one, the external body's rights and its time limit.
 */
export function requiredElements(regime: RegimeCode, kind: LetterKind, outcome: LetterOutcome | null): LetterElement[] {
  const r = REGIMES[regime];
  const needed: LetterElement[] = ["reference"];
  switch (kind) {
    case "ACKNOWLEDGEMENT":
      needed.push("receivedAt");
      if (r.finalResponse) needed.push("deadline");
      if (regime === "OJK" || regime === "BI") needed.push("product", "officer");
      break;
    case "EXTENSION":
      needed.push("reason", "newDeadline");
      break;
    case "HOLDING_REPLY":
      needed.push("reason", "newDeadline");
      if (r.escalation) needed.push("escalationRights");
      break;
    case "SUMMARY_RESOLUTION":
      needed.push("resolution");
      if (r.escalation) needed.push("escalationRights");
      break;
    case "FINAL_RESPONSE":
      needed.push("outcome", "reasons");
      if (outcome === "UPHELD" || outcome === "PARTLY_UPHELD") needed.push("redress");
      if (r.escalation) needed.push("escalationRights");
      if (r.escalation?.timeLimitMonths) needed.push("timeLimit");
      break;
  }
  return needed;
}

export interface LetterDraft {
  regime: RegimeCode;
  kind: LetterKind;
  outcome: LetterOutcome | null;
  /** The letter's whole text, as it would be sent. */
  content: string;
  /** Each element's words as the letter states them; absent or blank when the record could not fill it. */
  elements: Partial<Record<LetterElement, string | null>>;
}

/**
 * The required elements the letter lacks, in the order the regime lists them: an element is
 * lacking when it has no words, or when its words are not in the text that would be sent.
 * Empty: the letter may go.
 */
export function missingElements(draft: LetterDraft): LetterElement[] {
  return requiredElements(draft.regime, draft.kind, draft.outcome).filter((element) => {
    const words = draft.elements[element]?.trim();
    return !words || !draft.content.includes(words);
  });
}
