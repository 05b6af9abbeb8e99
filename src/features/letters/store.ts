import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { TicketEventInput } from "@/features/tickets/write";
import { enqueueMail } from "@/server/mail/outbox";
import { renderLetterPdf } from "./pdf";
import type { LetterDraft } from "./send";

export const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/**
 * Stores a letter exactly as drafted (text, PDF, both SHA-256) and mails it through the outbox with
 * its PDF attached, in the caller's transaction; returns the ticket's event. `datedAt` is the date
 * the text carries (when it was drafted; later than `now` never).
 */
export async function storeLetter(
  tx: Prisma.TransactionClient,
  ticket: { id: string; customer: { email: string } },
  draft: Pick<LetterDraft, "kind" | "locale" | "subject" | "content" | "statedDueAt">,
  authorId: string,
  now: Date,
  datedAt: Date = now,
): Promise<{ letterId: string; events: TicketEventInput[] }> {
  const pdf = await renderLetterPdf({ subject: draft.subject, content: draft.content, sentAt: datedAt, locale: draft.locale });
  const stored = await tx.letter.create({
    data: {
      ticketId: ticket.id,
      kind: draft.kind,
      locale: draft.locale,
      subject: draft.subject,
      content: draft.content,
      pdf: pdf as Uint8Array<ArrayBuffer>,
      contentSha256: sha256(draft.content),
      pdfSha256: sha256(pdf),
      statedDueAt: draft.statedDueAt,
      sentById: authorId,
      sentAt: now,
    },
    select: { id: true, contentSha256: true, pdfSha256: true },
  });
  // The mail is the letter's text exactly as stored, with the stored PDF attached (by the worker).
  await enqueueMail(tx, {
    kind: "letter",
    to: ticket.customer.email,
    subject: draft.subject,
    text: draft.content,
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
          kind: draft.kind,
          letterId: stored.id,
          locale: draft.locale,
          contentSha256: stored.contentSha256,
          pdfSha256: stored.pdfSha256,
          statedDueAt: draft.statedDueAt?.toISOString() ?? null,
        },
      },
    ],
  };
}
