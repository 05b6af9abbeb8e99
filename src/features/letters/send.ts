import "server-only";
import { createHash } from "node:crypto";
import { DomainError } from "@/domain/errors";
import { formatReference } from "@/domain/reference";
import { checkExtension } from "@/domain/regulation/extension";
import { letterKindAllowed, missingElements, type LetterKind } from "@/domain/regulation/letter-check";
import { REGIMES } from "@/domain/regulation/regimes";
import { summaryResolutionOpen } from "@/domain/regulation/summary-resolution";
import { unfilledPlaceholders } from "@/domain/templates";
import { changeTicket, type Actor, type TicketRef } from "@/features/protocol/change-ticket";
import { enqueueMail } from "@/server/mail/outbox";
import { composeLetter, letterTimeZone } from "./compose";
import { renderLetterPdf } from "./pdf";

export interface LetterRequest {
  kind: LetterKind;
  /** The agent's own words (the ticket's template, edited); optional. */
  message?: string;
  /** Extension: why more time is needed, and the new deadline. */
  reason?: string;
  newDueAt?: Date;
  /** Final response: the reasons for the outcome; summary resolution: what resolved it. */
  reasons?: string;
}

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/**
 * Makes a regulated letter from the record, checks it carries what its regime requires, and sends
 * it: stored as sent (text, PDF, both SHA-256) and mailed through the outbox, with the ticket's
 * event, in one transaction at the version the agent saw. Refused with what to fix otherwise.
 *
 * `ref.tx` lets another command send a letter in its own transaction (the deadline extension: the
 * notice and the moved deadline stand or fall together).
 */
export function sendLetter(ref: TicketRef, request: LetterRequest, actor: Actor & { name: string }, now = new Date()) {
  return changeTicket(ref, actor, now, async ({ tx, ticket }) => {
    const row = await tx.ticket.findUniqueOrThrow({
      where: { id: ref.ticketId },
      select: {
        regime: true,
        regulatoryDueAt: true,
        outcome: true,
        createdAt: true,
        category: { select: { nameEn: true, nameId: true } },
        redresses: { orderBy: { createdAt: "asc" }, select: { kind: true, goodwill: true, amount: true, currency: true, paidAt: true } },
        _count: { select: { letters: { where: { kind: "EXTENSION" } } } },
      },
    });
    const regime = row.regime;
    if (!letterKindAllowed(regime, request.kind)) throw new DomainError("regulatedRefused", { code: "kindNotForRegime" });
    if (request.kind === "EXTENSION") {
      const check = checkExtension({
        regime,
        dueAt: row.regulatoryDueAt,
        extensionsTaken: row._count.letters,
        now,
        newDueAt: request.newDueAt,
      });
      if (!check.allowed) throw new DomainError("regulatedRefused", { code: `extension.${check.refusal}` });
    }
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
        ticketId: ref.ticketId,
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
    // The mail is the letter's text exactly as stored; the PDF waits on the tracking page.
    await enqueueMail(tx, {
      kind: "letter",
      to: ticket.customer.email,
      subject: letter.subject,
      text: letter.content,
      ticketId: ref.ticketId,
      dedupeKey: `letter:${stored.id}`,
    });
    return {
      patch: {},
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
      result: { letterId: stored.id },
    };
  });
}
