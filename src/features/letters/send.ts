import "server-only";
import { DomainError } from "@/domain/errors";
import { formatReference } from "@/domain/reference";
import { letterKindAllowed, missingElements, type LetterKind, type LetterOutcome } from "@/domain/regulation/letter-check";
import { REGIMES, type RegimeCode } from "@/domain/regulation/regimes";
import { summaryResolutionOpen } from "@/domain/regulation/summary-resolution";
import { unfilledPlaceholders } from "@/domain/templates";
import type { Prisma } from "@/generated/prisma/client";
import { changeTicket, type Actor, type TicketRef } from "@/features/protocol/change-ticket";
import type { LoadedTicket } from "@/features/tickets/protocol-view";
import type { TicketEventInput } from "@/features/tickets/write";
import { extendRegulatoryDeadline } from "@/features/regulation/extend";
import { holdForApproval } from "./approval";
import { storeLetter } from "./store";
import { composeLetter, letterTimeZone } from "./compose";

export interface LetterRequest {
  kind: LetterKind;
  /** The agent's own words (the ticket's template, edited); optional. */
  message?: string;
  /** Extension or holding reply: why more time is needed, and the new deadline (set by the clock's extension). */
  reason?: string;
  newDueAt?: Date;
  /** Final response: the reasons for the outcome; summary resolution: what resolved it. */
  reasons?: string;
}

/** A letter made from the record and checked, not yet stored or mailed. */
export interface LetterDraft {
  kind: LetterKind;
  locale: "en" | "id";
  subject: string;
  content: string;
  statedDueAt: Date | null;
  /** For the four-eyes rule. */
  regime: RegimeCode;
  outcome: LetterOutcome | null;
  redressTotal: number;
  hasRedress: boolean;
}

/**
 * Makes a regulated letter from the record and checks it carries what its regime requires; refused
 * with what to fix otherwise. Nothing is written.
 */
export async function draftLetter(
  tx: Prisma.TransactionClient,
  ticket: LoadedTicket,
  request: LetterRequest,
  actor: Actor & { name: string },
  now: Date,
): Promise<LetterDraft> {
  const row = await tx.ticket.findUniqueOrThrow({
    where: { id: ticket.id },
    select: {
      regime: true,
      paymentServices: true,
      regulatoryDueAt: true,
      outcome: true,
      createdAt: true,
      category: { select: { nameEn: true, nameId: true } },
      redresses: { orderBy: { createdAt: "asc" }, select: { kind: true, goodwill: true, amount: true, currency: true, paidAt: true } },
    },
  });
  const regime = row.regime;
  if (!letterKindAllowed(regime, request.kind, { paymentServices: row.paymentServices }))
    throw new DomainError("regulatedRefused", { code: "kindNotForRegime" });
  if (request.kind === "SUMMARY_RESOLUTION") {
    const days = REGIMES[regime].summaryResolution!.days;
    if (!summaryResolutionOpen(row.createdAt, now, letterTimeZone(regime), new Set(), days))
      throw new DomainError("regulatedRefused", { code: "summaryTooLate" });
  }
  const placeholders = unfilledPlaceholders(request.message ?? "");
  if (placeholders.length) throw new DomainError("regulatedRefused", { code: "unfilled", placeholders });

  const locale = ticket.locale;
  const letter = composeLetter({
    kind: request.kind,
    regime,
    locale,
    reference: formatReference(ticket.number),
    customerName: ticket.customer.name,
    receivedAt: row.createdAt,
    product: locale === "id" ? row.category.nameId : row.category.nameEn,
    officer: actor.name,
    dueAt: row.regulatoryDueAt,
    reason: request.reason,
    newDueAt: request.newDueAt,
    resolution: request.reasons,
    reasons: request.reasons,
    outcome: row.outcome,
    redress: row.redresses.map((r) => ({ ...r, amount: r.amount?.toString() ?? null })),
    message: request.message,
    sentAt: now,
  });
  const missing = missingElements({
    regime,
    kind: request.kind,
    outcome: row.outcome,
    content: letter.content,
    elements: letter.elements,
  });
  if (missing.length) throw new DomainError("regulatedRefused", { code: "missing", elements: missing });
  return {
    kind: request.kind,
    locale,
    subject: letter.subject,
    content: letter.content,
    statedDueAt: request.kind === "EXTENSION" || request.kind === "HOLDING_REPLY" ? (request.newDueAt ?? null) : row.regulatoryDueAt,
    regime,
    outcome: row.outcome,
    redressTotal: row.redresses.reduce((sum, r) => sum + Number(r.amount ?? 0), 0),
    hasRedress: row.redresses.length > 0,
  };
}

/**
 * Makes a regulated letter from the record, checks it, and sends it in the caller's transaction:
 * stored as sent and mailed; returns the ticket's event. The extension letter is written by the
 * clock's extension (src/features/regulation/extend.ts), so the deadline it states is the one the
 * clock moved to, in the same transaction.
 */
export async function writeLetter(
  tx: Prisma.TransactionClient,
  ticket: LoadedTicket,
  request: LetterRequest,
  actor: Actor & { name: string },
  now: Date,
): Promise<{ letterId: string; events: TicketEventInput[] }> {
  const draft = await draftLetter(tx, ticket, request, actor, now);
  return storeLetter(tx, ticket, draft, actor.id, now);
}

export interface SendLetterResult {
  /** The letter sent; null while it waits for a second person's approval. */
  letterId: string | null;
  /** The approval it waits for (four-eyes). */
  approvalId: string | null;
}

/**
 * Sends a regulated letter at the version the agent saw, in one transaction; a letter the four-eyes
 * rule holds (src/domain/regulation/four-eyes.ts) is kept as drafted and waits for a supervisor's
 * approval instead (./approval.ts). An extension letter (or FCA's holding reply) is the notice of
 * an extension, so it goes through the clock's one extension command (which refuses it where the
 * regime allows none, after the first deadline, or beyond the regime's extensions).
 */
export async function sendLetter(
  ref: TicketRef,
  request: LetterRequest,
  actor: Actor & { name: string },
  now = new Date(),
): Promise<SendLetterResult> {
  if (request.kind === "EXTENSION" || request.kind === "HOLDING_REPLY")
    return {
      letterId: (await extendRegulatoryDeadline({ ...ref, reason: request.reason ?? "", letterKind: request.kind }, actor, now)).letterId,
      approvalId: null,
    };
  return changeTicket<SendLetterResult>(ref, actor, now, async ({ tx, ticket }) => {
    const draft = await draftLetter(tx, ticket, request, actor, now);
    const held = await holdForApproval(tx, ticket, draft, actor, now);
    if (held) return { patch: {}, events: held.events, result: { letterId: null, approvalId: held.approvalId } };
    const { letterId, events } = await storeLetter(tx, ticket, draft, actor.id, now);
    return { patch: {}, events, result: { letterId, approvalId: null } };
  });
}
