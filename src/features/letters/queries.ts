import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db/prisma";
import { hashTrackingToken, isWellFormedTrackingToken } from "@/server/tracking-token";
import type { LetterKind } from "@/domain/regulation/letter-check";

export interface LetterSummary {
  id: string;
  kind: LetterKind;
  locale: "en" | "id";
  subject: string;
  sentAt: Date;
  statedDueAt: Date | null;
  pdfSha256: string;
  sentBy: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const SUMMARY = {
  id: true,
  kind: true,
  locale: true,
  subject: true,
  sentAt: true,
  statedDueAt: true,
  pdfSha256: true,
  sentBy: { select: { name: true } },
} satisfies Prisma.LetterSelect;

const summary = (row: Prisma.LetterGetPayload<{ select: typeof SUMMARY }>): LetterSummary => ({ ...row, sentBy: row.sentBy.name });

/** A ticket's letters, oldest first, for staff. */
export async function listTicketLetters(ticketId: string): Promise<LetterSummary[]> {
  if (!UUID.test(ticketId)) return [];
  const rows = await db().letter.findMany({ where: { ticketId }, orderBy: [{ sentAt: "asc" }, { id: "asc" }], select: SUMMARY });
  return rows.map(summary);
}

export interface LetterApprovalSummary {
  id: string;
  kind: LetterKind;
  status: "PENDING" | "DENIED";
  requestedBy: string;
  createdAt: Date;
  decidedBy: string | null;
  reason: string | null;
}

/**
 * The letters held by four-eyes that the workspace shows: per kind, the latest request, while it
 * waits or once a supervisor refused it (with the reason, for its author). A draft replaced by a
 * newer one, and an approved one (now a sent letter), are not shown.
 */
export async function listLetterApprovals(ticketId: string): Promise<LetterApprovalSummary[]> {
  if (!UUID.test(ticketId)) return [];
  const rows = await db().approvalRequest.findMany({
    where: { ticketId, subject: "LETTER" },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: {
      id: true,
      letterKind: true,
      status: true,
      createdAt: true,
      reason: true,
      requestedBy: { select: { name: true } },
      decidedBy: { select: { name: true } },
    },
  });
  const seen = new Set<string>();
  const shown: LetterApprovalSummary[] = [];
  for (const r of rows) {
    if (!r.letterKind || seen.has(r.letterKind)) continue;
    seen.add(r.letterKind);
    if (r.status === "APPROVED" || (r.status === "DENIED" && !r.decidedBy)) continue;
    shown.push({
      id: r.id,
      kind: r.letterKind,
      status: r.status,
      requestedBy: r.requestedBy.name,
      createdAt: r.createdAt,
      decidedBy: r.decidedBy?.name ?? null,
      reason: r.reason,
    });
  }
  return shown;
}

/** The letters sent to the holder of this tracking link, oldest first; none for an unknown token. */
export async function listLettersByTrackingToken(token: string): Promise<LetterSummary[]> {
  if (!isWellFormedTrackingToken(token)) return [];
  const rows = await db().letter.findMany({
    where: { ticket: { trackingTokenHash: hashTrackingToken(token) } },
    orderBy: [{ sentAt: "asc" }, { id: "asc" }],
    select: SUMMARY,
  });
  return rows.map(summary);
}

export type LetterAccess = { kind: "token"; token: string } | { kind: "staff" };

/**
 * One letter's PDF, as stored when it was sent, when `access` may have it: a tracking token opens
 * only its own ticket's letters; staff (checked by the caller) open any. Null for everything else, alike.
 */
export async function findLetterForDownload(
  id: string,
  access: LetterAccess,
): Promise<{ pdf: Uint8Array; reference: number; kind: LetterKind; sentAt: Date } | null> {
  if (!UUID.test(id)) return null;
  let where: Prisma.LetterWhereInput = { id };
  if (access.kind === "token") {
    if (!isWellFormedTrackingToken(access.token)) return null;
    where = { id, ticket: { trackingTokenHash: hashTrackingToken(access.token) } };
  }
  const found = await db().letter.findFirst({
    where,
    select: { pdf: true, kind: true, sentAt: true, ticket: { select: { number: true } } },
  });
  return found ? { pdf: found.pdf, reference: found.ticket.number, kind: found.kind, sentAt: found.sentAt } : null;
}
