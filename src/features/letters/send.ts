import "server-only";
import { createHash } from "node:crypto";
import { DomainError } from "@/domain/errors";
import { formatReference } from "@/domain/reference";
import { letterKindAllowed, missingElements, type LetterKind } from "@/domain/regulation/letter-check";
import { REGIMES } from "@/domain/regulation/regimes";
import { summaryResolutionOpen } from "@/domain/regulation/summary-resolution";
import { unfilledPlaceholders } from "@/domain/templates";
import type { Prisma } from "@/generated/prisma/client";
import { changeTicket, type Actor, type TicketRef } from "@/features/protocol/change-ticket";
import type { LoadedTicket } from "@/features/tickets/protocol-view";
import type { TicketEventInput } from "@/features/tickets/write";
import { extendRegulatoryDeadline } from "@/features/regulation/extend";
import { enqueueMail } from "@/server/mail/outbox";
import { composeLetter, letterTimeZone } from "./compose";
import { renderLetterPdf } from "./pdf";

export interface LetterRequest {
  kind: LetterKind;
  /** The agent's own words (the ticket's template, edited); optional. */
  message?: string;
  /** Extension: why more time is needed, and the new deadline (set by the clock's extension). */
  reason?: string;
  newDueAt?: Date;
  /** Final response: the reasons for the outcome; summary resolution: what resolved it. */
  reasons?: string;
}

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/**
 * Makes a regulated letter from the record, checks it carries what its regime requires, and writes
 * it in the caller's transaction: stored as sent (text, PDF, both SHA-256) and mailed through the
 * outbox; returns the ticket's event. Refused with what to fix otherwise. The extension letter is
 * written by the clock's extension (src/features/regulation/extend.ts), so the deadline it states is
 * the one the clock moved to, in the same transaction.
 */
export async function writeLetter(
  tx: Prisma.TransactionClient,
  ticket: LoadedTicket,
  request: LetterRequest,
  actor: Actor & { name: string },
  now: Date,
): Promise<{ letterId: string; events: TicketEventInput[] }> {
  const row = await tx.ticket.findUniqueOrThrow({
    where: { id: ticket.id },
    select: {
      regime: true,
      regulatoryDueAt: true,
      outcome: true,
      createdAt: true,
      category: { select: { nameEn: true, nameId: true } },
      redresses: { orderBy: { createdAt: "asc" }, select: { kind: true, goodwill: true, amount: true, currency: true, paidAt: true } },
    },
  });
  const regime = row.regime;
  if (!letterKindAllowed(regime, request.kind)) throw new DomainError("regulatedRefused", { code: "kindNotForRegime" });
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

  const pdf = await renderLetterPdf({ subject: letter.subject, content: letter.content, sentAt: now, locale });
  const statedDueAt = request.kind === "EXTENSION" ? (request.newDueAt ?? null) : row.regulatoryDueAt;
  const stored = await tx.letter.create({
    data: {
      ticketId: ticket.id,
      kind: request.kind,
      locale,
      subject: letter.subject,
      content: letter.content,
      pdf: pdf as Uint8Array<ArrayBuffer>,
      contentSha256: sha256(letter.content),
      pdfSha256: sha256(pdf),
      statedDueAt,
      sentById: actor.id,
      sentAt: now,
    },
    select: { id: true, contentSha256: true, pdfSha256: true },
  });
  // The mail is the letter's text exactly as stored, with the stored PDF attached (by the worker).
  await enqueueMail(tx, {
    kind: "letter",
    to: ticket.customer.email,
    subject: letter.subject,
    text: letter.content,
    ticketId: ticket.id,
    letterId: stored.id,
    dedupeKey: `letter:${stored.id}`,
  });
  return {
    letterId: stored.id,
    events: [
      {
        type: "letter.sent",
        after: {
          kind: request.kind,
          letterId: stored.id,
          locale,
          contentSha256: stored.contentSha256,
          pdfSha256: stored.pdfSha256,
          statedDueAt: statedDueAt?.toISOString() ?? null,
        },
      },
    ],
  };
}

/**
 * Sends a regulated letter at the version the agent saw, in one transaction. An extension letter is
 * the notice of an extension, so it goes through the clock's one extension command (which refuses
 * it where the regime allows none, after the first deadline, or beyond the regime's extensions).
 */
export async function sendLetter(ref: TicketRef, request: LetterRequest, actor: Actor & { name: string }, now = new Date()) {
  if (request.kind === "EXTENSION")
    return { letterId: (await extendRegulatoryDeadline({ ...ref, reason: request.reason ?? "" }, actor, now)).letterId };
  return changeTicket(ref, actor, now, async ({ tx, ticket }) => {
    const { letterId, events } = await writeLetter(tx, ticket, request, actor, now);
    return { patch: {}, events, result: { letterId } };
  });
}
