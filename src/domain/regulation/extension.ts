import { REGIMES, type RegimeCode } from "./regimes";

// The one rule for extending a regulatory deadline, shared by the extension letter and the command
// that moves the deadline (both must agree, or a customer could be told of an extension the clock
// never made). POJK 22/2023: one extension, notified to the consumer before the first deadline.

export type ExtensionRefusal =
  /** The regime allows no extension (FCA, ASIC, none). */
  | "notAllowed"
  /** The ticket has no regulatory deadline to extend. */
  | "noDeadline"
  /** The first deadline has passed: notice must come before it. */
  | "afterDeadline"
  /** The regime's extensions are used up. */
  | "limitReached"
  /** The new deadline is not after the one in force. */
  | "notLater";

export interface ExtensionRequest {
  regime: RegimeCode;
  /** The deadline in force now (Ticket.regulatoryDueAt). */
  dueAt: Date | null;
  /** Extensions already granted on this complaint. */
  extensionsTaken: number;
  now: Date;
  /** The deadline the extension would set, when known. */
  newDueAt?: Date;
}

export type ExtensionCheck = { allowed: true; maxExtensions: number } | { allowed: false; refusal: ExtensionRefusal };

/**
 * Whether a complaint's regulatory deadline may be extended now. Order matters for the message:
 * a regime with no extension says so before anything about dates.
 */
export function checkExtension(request: ExtensionRequest): ExtensionCheck {
  const extension = REGIMES[request.regime].extension;
  if (!extension || extension.max < 1) return { allowed: false, refusal: "notAllowed" };
  if (request.extensionsTaken >= extension.max) return { allowed: false, refusal: "limitReached" };
  if (!request.dueAt) return { allowed: false, refusal: "noDeadline" };
  if (request.now.getTime() >= request.dueAt.getTime()) return { allowed: false, refusal: "afterDeadline" };
  if (request.newDueAt && request.newDueAt.getTime() <= request.dueAt.getTime()) return { allowed: false, refusal: "notLater" };
  return { allowed: true, maxExtensions: extension.max };
}
