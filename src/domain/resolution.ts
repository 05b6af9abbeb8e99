import type { Role } from "./roles";

export const RESOLUTION_KINDS = [
  "REFUND",
  "FULL_REFUND",
  "STORE_CREDIT",
  "EXCHANGE",
  "GOODWILL_GIFT",
  "MANAGER_FOLLOW_UP",
  "EXPLANATION_ONLY",
  "APOLOGY_ONLY",
] as const;
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];

// Options that hand the customer money or its equivalent carry an amount; the others do not.
const WITH_AMOUNT: ReadonlySet<ResolutionKind> = new Set(["REFUND", "FULL_REFUND", "STORE_CREDIT", "GOODWILL_GIFT"]);

export function needsAmount(kind: ResolutionKind): boolean {
  return WITH_AMOUNT.has(kind);
}

/** What each role may grant on its own, in the ticket's currency. */
export type AuthorityLimits = Readonly<Record<Role, number>>;

/** An amount above the granting role's limit waits for someone with the authority to approve it. */
export function needsApproval(amount: number | null, role: Role, limits: AuthorityLimits): boolean {
  return amount !== null && amount > limits[role];
}

/** Only supervisors and admins approve, and only within their own limit. */
export function mayApprove(role: Role, amount: number, limits: AuthorityLimits): boolean {
  return role !== "AGENT" && amount <= limits[role];
}

/**
 * What the granting role may still give on its own after this amount: the limit, what is left of
 * it (negative above it) and whether the choice will wait for approval — by the same rule the
 * server applies when the resolution is chosen, so the agent learns it before submitting.
 */
export function authorityHeadroom(amount: number | null, role: Role, limits: AuthorityLimits) {
  const limit = limits[role];
  return { limit, headroom: limit - (amount ?? 0), needsApproval: needsApproval(amount, role, limits) };
}
