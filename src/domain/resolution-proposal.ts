import type { CustomerAsk } from "./customer-ask";
import type { RootCause } from "./protocol";
import { needsAmount, type ResolutionKind } from "./resolution";

/**
 * The framework's proposal: per category × root cause × what the customer asked for, the option an
 * agent starts from, so that every member of staff answers the same kind of complaint alike. The
 * rules are data an admin edits; this only decides which rule applies. A rule may leave its
 * category, its root cause or the ask open ("any").
 */

/** Where a proposed amount comes from: the option's own default, or what the customer said it cost. */
export const PROPOSED_AMOUNTS = ["OPTION_DEFAULT", "CLAIMED_AMOUNT"] as const;
export type ProposedAmount = (typeof PROPOSED_AMOUNTS)[number];

export interface ProposalRule {
  /** A category's id, or null for every category. */
  categoryId: string | null;
  /** A root cause, or null for every root cause (and for a ticket whose root cause is not recorded). */
  rootCause: RootCause | null;
  /** What the customer asked for, or null for any ask (and for a ticket whose customer chose none). */
  ask: CustomerAsk | null;
  kind: ResolutionKind;
  /** Null: no amount is suggested, the agent types it. */
  amountRule: ProposedAmount | null;
}

export interface ProposalCase {
  categoryId: string;
  rootCause: RootCause | null;
  ask: CustomerAsk | null;
  /** The kinds the ticket's category offers now; a rule proposing anything else is passed over. */
  offered: readonly ResolutionKind[];
}

/**
 * How specific a rule is. The root cause outweighs the category: what the finding says about the
 * case (a misunderstanding wants an explanation) is more telling than the kind of complaint, so a
 * rule for "any category × misunderstanding" beats one for "payment problem × any root cause". The
 * customer's ask refines a scope and weighs least: category × cause × ask beats category × cause,
 * which beats category × ask, which beats category alone; but what the customer asked never
 * outweighs what the finding says (a refund asked for a misunderstanding still gets the explanation).
 */
export function specificity(rule: Pick<ProposalRule, "categoryId" | "rootCause" | "ask">): number {
  return (rule.rootCause === null ? 0 : 4) + (rule.categoryId === null ? 0 : 2) + (rule.ask === null ? 0 : 1);
}

function matches(rule: ProposalRule, c: ProposalCase): boolean {
  return (
    (rule.categoryId === null || rule.categoryId === c.categoryId) &&
    (rule.rootCause === null || rule.rootCause === c.rootCause) &&
    (rule.ask === null || rule.ask === c.ask)
  );
}

/**
 * The most specific rule that matches the case and proposes an option the category offers, or
 * null when none does. Among equally specific rules (the store keeps one per scope) the first wins.
 */
export function proposeResolution<R extends ProposalRule>(rules: readonly R[], c: ProposalCase): R | null {
  let best: R | null = null;
  for (const rule of rules) {
    if (!matches(rule, c) || !c.offered.includes(rule.kind)) continue;
    if (best === null || specificity(rule) > specificity(best)) best = rule;
  }
  return best;
}

/**
 * The amount to pre-fill for a proposed option, as a decimal string, or null. Options that hand
 * over nothing (an explanation, a manager's follow-up) never carry one, whatever the rule says.
 */
export function proposedAmount(
  rule: Pick<ProposalRule, "kind" | "amountRule">,
  values: { optionDefault: string | null; claimed: string | null },
): string | null {
  if (!needsAmount(rule.kind) || rule.amountRule === null) return null;
  return rule.amountRule === "OPTION_DEFAULT" ? values.optionDefault : values.claimed;
}

/** The middle of what similar complaints were granted (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
