import type { ResolutionKind } from "./resolution";
import type { ApologyElement } from "./apology-check";

// The apology check's phrases, as data: a new phrase is a line here, not a branch in the check.

export type Patterns = readonly RegExp[];

export interface LanguagePatterns {
  elements: Record<ApologyElement, Patterns>;
  conditional: Patterns;
  blame: Patterns;
  policy: Patterns;
  /** A reason given with a policy: the policy is then explained, not hidden behind. */
  policyReason: Patterns;
  passive: Patterns;
  dismissal: Patterns;
  /** Words that name each kind of resolution, beside the option's own labels. */
  resolution: Partial<Record<ResolutionKind, Patterns>>;
  /** Below this many words a text cannot carry both regret and repair. */
  minWords: number;
}
