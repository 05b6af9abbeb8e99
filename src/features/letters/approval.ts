import "server-only";
import { DomainError } from "@/domain/errors";
import { fourEyesReason, mayApproveLetter } from "@/domain/regulation/four-eyes";
import { Prisma } from "@/generated/prisma/client";
import { noticeApprovalDecided, noticeApprovalRequested } from "@/features/notifications/work-notices";
import type { Actor } from "@/features/protocol/change-ticket";
import type { LoadedTicket } from "@/features/tickets/protocol-view";
import type { TicketEventInput } from "@/features/tickets/write";
import type { LetterDraft } from "./send";
import { sha256, storeLetter } from "./store";

// Four-eyes on regulated letters (issue 16, item 9), through the product's one approval mechanism
// (ApprovalRequest, the supervisor's approvals inbox and the approval notices): a letter the rule
// holds is kept exactly as drafted on its request, and becomes a Letter — the same text, the same
// SHA-256 — only when a second person approves it.

type Tx = Prisma.TransactionClient;

/**
 * When the four-eyes rule holds this letter: keeps it as drafted on a pending approval request
 * (replacing any earlier draft of the same kind still waiting), tells the approvers, and returns the
 * events; null when the letter may go now.
 */
export async function holdForApproval(
  tx: Tx,
  ticket: LoadedTicket,
  draft: LetterDraft,
  actor: Actor,
  now: Date,
): Promise<{ approvalId: string; events: TicketEventInput[] } | null> {
  const setting = await tx.regimeSetting.findUnique({ where: { regime: draft.regime }, select: { fourEyesRedressAbove: true } });
  const reason = fourEyesReason({
    regime: draft.regime,
    kind: draft.kind,
    outcome: draft.outcome,
    redressTotal: draft.redressTotal,
    hasRedress: draft.hasRedress,
    redressAbove: setting?.fourEyesRedressAbove != null ? Number(setting.fourEyesRedressAbove) : null,
  });
  if (!reason) return null;
  await tx.approvalRequest.updateMany({
    where: { ticketId: ticket.id, subject: "LETTER", letterKind: draft.kind, status: "PENDING" },
    data: { status: "DENIED", reason: "Superseded by a new draft", decidedAt: now },
  });
  const request = await tx.approvalRequest.create({
    data: {
      ticketId: ticket.id,
      subject: "LETTER",
      amount: new Prisma.Decimal(draft.redressTotal),
      requestedById: actor.id,
      letterKind: draft.kind,
      letterLocale: draft.locale,
      letterSubject: draft.subject,
      letterContent: draft.content,
      letterContentSha256: sha256(draft.content),
      letterStatedDueAt: draft.statedDueAt,
      letterDraftedAt: now,
      createdAt: now,
    },
    select: { id: true },
  });
  // Any supervisor or admin but the author may approve a letter: no authority limit applies.
  await noticeApprovalRequested(tx, ticket, { id: request.id, amount: draft.redressTotal, requestedById: actor.id }, null, now);
  return {
    approvalId: request.id,
    events: [
      {
        type: "approval.requested",
        after: { approvalId: request.id, subject: "LETTER", letterKind: draft.kind, fourEyes: reason, amount: String(draft.redressTotal) },
      },
    ],
  };
}

/**
 * A second person decides a held letter: approved, it is stored and mailed exactly as drafted (its
 * text checked against the SHA-256 taken when it was drafted); denied, its author reads the reason.
 * Refused to the letter's own author and to an agent, whatever the page showed.
 */
export async function decideLetterApproval(
  tx: Tx,
  ticket: LoadedTicket,
  approvalId: string,
  decision: { approve: boolean; reason: string },
  actor: Actor,
  now: Date,
): Promise<TicketEventInput[]> {
  const request = await tx.approvalRequest.findFirst({
    where: { id: approvalId, ticketId: ticket.id, subject: "LETTER", status: "PENDING" },
    select: {
      id: true,
      amount: true,
      requestedById: true,
      letterKind: true,
      letterLocale: true,
      letterSubject: true,
      letterContent: true,
      letterContentSha256: true,
      letterStatedDueAt: true,
      letterDraftedAt: true,
    },
  });
  if (!request) throw new DomainError("invalidChange", { code: "noPendingApproval" });
  const may = mayApproveLetter(actor, request.requestedById);
  if (may === "ownLetter") throw new DomainError("invalidChange", { code: "ownLetterApproval" });
  if (may === "role") throw new DomainError("forbidden");
  const events: TicketEventInput[] = [];
  let letterId: string | null = null;
  if (decision.approve) {
    const content = request.letterContent!;
    // What was drafted is what goes: a draft changed since would not match the hash taken then.
    if (sha256(content) !== request.letterContentSha256)
      throw new Error(`Approval ${request.id}: the drafted letter no longer matches its SHA-256`);
    const sent = await storeLetter(
      tx,
      ticket,
      {
        kind: request.letterKind!,
        locale: request.letterLocale!,
        subject: request.letterSubject!,
        content,
        statedDueAt: request.letterStatedDueAt,
      },
      request.requestedById,
      now,
      request.letterDraftedAt ?? now,
    );
    letterId = sent.letterId;
    events.push(...sent.events);
  }
  await tx.approvalRequest.update({
    where: { id: request.id },
    data: { status: decision.approve ? "APPROVED" : "DENIED", decidedById: actor.id, reason: decision.reason, decidedAt: now, letterId },
  });
  await noticeApprovalDecided(tx, ticket, request, { approved: decision.approve, deciderId: actor.id, reason: decision.reason }, now);
  events.push({
    type: decision.approve ? "approval.approved" : "approval.denied",
    after: { approvalId: request.id, subject: "LETTER", letterKind: request.letterKind, letterId, reason: decision.reason },
  });
  return events;
}
