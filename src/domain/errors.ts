import type { ApologyFinding } from "./apology-check";
import type { AttachmentProblem } from "./attachments";
import type { Refusal } from "./protocol";

/**
 * Every expected refusal the app knows, by code, with what a reader needs to fix it. Two mappers
 * turn them into answers — a form state in the reader's language (lib/forms/error-state.ts) and
 * problem+json (api/problem.ts) — so a new refusal is one line here and one in each mapper.
 * Anything thrown that is not a DomainError is unexpected: logged, never echoed.
 */
export interface DomainErrorDetails {
  /** Nobody is signed in (or the account is no longer active). */
  notSignedIn: undefined;
  /** The caller's role does not allow this; also when re-checked inside a transaction. */
  forbidden: undefined;
  /** A ticket, or a tracking link, that leads nowhere; the same answer as one the caller may not see. */
  notFound: { of: "ticket" | "trackingLink" };
  /** Someone changed the ticket after the version the caller saw. Nothing was written. */
  conflict: undefined;
  /** The protocol does not allow the move now. `saved`: the record was kept, only the move was refused. */
  protocolRefused: { refusal: Refusal; saved?: boolean };
  /** The apology check found what makes a non-apology (the blocking findings); nothing was sent. */
  apologyRefused: { findings: ApologyFinding[] };
  /** The request does not fit the ticket (an option of another category, an inactive assignee, …). */
  invalidChange: { code: InvalidChangeCode };
  /** A complaint names a category that does not exist or is not active. */
  unknownCategory: undefined;
  /** Files refused (type, size, count); thrown inside a transaction so nothing of the submission is kept. */
  attachmentsRefused: { problems: AttachmentProblem[] };
  /** The file store (S3) did not take the files; nothing of the submission was kept. */
  storageUnavailable: undefined;
  /** An admin change that does not fit what is stored (a taken name, the last admin, …). */
  adminRefused: { code: AdminRefusalCode; field?: string; values?: Record<string, string | number> };
  /** A supervisor's quality review or root-cause action that does not fit what is stored (a reviewed ticket, a score above its maximum, …). */
  supervisorRefused: { code: SupervisorRefusalCode; field?: string; values?: Record<string, string | number> };
  /** The holder of a tracking link may not do this now (e.g. rate before closing). */
  customerRefused: { code: "notClosed" | "alreadyRated" | "closed" };
  /** A webhook URL that may not be called; the error's message says why in English, for logs. */
  webhookTargetRefused: { reason: WebhookTargetReason; host?: string; address?: string };
  /** An API token or webhook that was already revoked or disabled (or never existed). */
  alreadyGone: { what: "apiToken" | "webhook" | "mailbox" };
  /** A bulk change done for some tickets only; each skipped one says why (changed meanwhile, closed, …). */
  partlyStale: { done: number; skipped: BulkSkip[] };
  /** The email and password do not match an active account (the same words for either), or too many tries. */
  signInRefused: { reason: "invalid" | "tooManyAttempts" };
  /** A public form sent too often. */
  rateLimited: { retryAfterSeconds: number };
  /** A public form filled by a program (the field no person sees). */
  automated: undefined;
  /**
   * A regulated letter, outcome or external escalation that does not fit the complaint (issue 16):
   * a letter lacking a mandatory element (`elements`), an extension the regime refuses, …
   */
  regulatedRefused: { code: RegulatedRefusalCode; elements?: string[]; placeholders?: string[] };
}

export type RegulatedRefusalCode =
  | "missing"
  | "kindNotForRegime"
  | "summaryTooLate"
  | "unfilled"
  | "outcomeStage"
  | "externalNotFound"
  | "externalDecided"
  | "decidedBeforeReferred";

export type DomainErrorCode = keyof DomainErrorDetails;

/** Why one ticket of a bulk change was left as it was: changed meanwhile, closed, gone, or the protocol refused it. */
export type BulkSkipReason = "changed" | "closed" | "gone" | "refused";

export interface BulkSkip {
  reference: string;
  reason: BulkSkipReason;
}

export type InvalidChangeCode =
  | "wrongStage"
  | "unknownOption"
  | "noPendingApproval"
  | "aboveYourAuthority"
  // Four-eyes on a regulated letter: its author may not approve it.
  | "ownLetterApproval"
  | "unknownAssignee"
  | "unknownCategory"
  | "merged"
  | "mergeSelf"
  | "mergeClosed"
  | "mergeOtherCustomer"
  | "mergePendingApproval"
  | "unknownMacro"
  | "macroTemplateMissing"
  | "macroTemplateUnfilled"
  // The regulatory clock's extension (src/domain/regulation/clock.ts extensionFor).
  | "regulatoryNoClock"
  | "regulatoryNoExtension"
  | "regulatoryExtensionUsed"
  | "regulatoryDeadlinePassed"
  | "regulatoryReasonMissing"
  // FCA's holding reply for a payment-services complaint, by the same rule: sent once, before the 15th business day ends.
  | "regulatoryHoldingReplySent"
  | "regulatoryHoldingReplyTooLate";

export type AdminRefusalCode =
  | "staffNotFound"
  | "teamNotFound"
  | "lastAdmin"
  | "emailTaken"
  | "teamNameTaken"
  | "categoryNotFound"
  | "categoryCodeTaken"
  | "lastCategory"
  | "amountNotForKind"
  | "kindNotOffered"
  | "proposalNotFound"
  | "authorityOutOfOrder"
  | "noDefaultCalendar"
  | "targetNotFound"
  | "fallbackTarget"
  | "calendarNotFound"
  | "holidayExists"
  | "holidayNotFound"
  | "templateNotFound"
  | "fallbackTemplate"
  | "macroNotFound"
  | "macroNameTaken"
  | "macroEmpty"
  | "fieldNotFound"
  | "fieldKeyTaken"
  | "optionsNeeded"
  | "regimeWithoutCalendar"
  | "criterionNotFound";

export type SupervisorRefusalCode =
  | "ticketNotFound"
  | "ticketNotClosed"
  | "alreadyReviewed"
  | "ownTicket"
  | "rubricEmpty"
  | "scoreMissing"
  | "scoreAboveMax"
  | "ownerNotFound"
  | "categoryNotFound"
  | "actionNotFound";

export type WebhookTargetReason =
  "invalidUrl" | "scheme" | "credentials" | "unresolvable" | "loopback" | "private" | "linkLocal" | "unspecified" | "reserved";

type Arguments<C extends DomainErrorCode> = DomainErrorDetails[C] extends undefined
  ? [details?: undefined, message?: string]
  : [details: DomainErrorDetails[C], message?: string];

export class DomainError<C extends DomainErrorCode = DomainErrorCode> extends Error {
  readonly code: C;
  readonly details: DomainErrorDetails[C];

  constructor(code: C, ...[details, message]: Arguments<C>) {
    super(message ?? code);
    this.name = "DomainError";
    this.code = code;
    this.details = details as DomainErrorDetails[C];
  }
}

/** One member per code, so a `switch (error.code)` narrows `details`. */
export type AnyDomainError = { [C in DomainErrorCode]: DomainError<C> }[DomainErrorCode];

export function isDomainError(error: unknown): error is AnyDomainError;
export function isDomainError<C extends DomainErrorCode>(error: unknown, code: C): error is DomainError<C>;
export function isDomainError(error: unknown, code?: DomainErrorCode): boolean {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
