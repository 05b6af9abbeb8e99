import "server-only";
import type { ProtocolState } from "@/domain/protocol";
import { DomainError } from "@/domain/errors";
import { mayApprove, needsAmount, needsApproval } from "@/domain/resolution";
import { Prisma } from "@/generated/prisma/client";
import { decideLetterApproval } from "@/features/letters/approval";
import { customerMailContext } from "@/features/notifications/context";
import { surveyMail } from "@/features/notifications/customer-mail";
import { noticeApprovalDecided, noticeApprovalRequested } from "@/features/notifications/work-notices";
import { enqueueMail } from "@/server/mail/outbox";
import type { TicketEventInput } from "@/features/tickets/write";
import { changeTicket, type Actor, type TicketRef } from "./change-ticket";
import { loadAuthorityLimits } from "./authority-limits";
import { passApologyGate, type ApologyOverride } from "./apology-gate";
import { diff, plan, postMessage, requireNotHeld, requireStage, tryAdvance } from "./command-steps";

// Putting it right: the resolution (with its approval above an agent's authority), then the apology that closes.

// --- RESOLVE ------------------------------------------------------------------------------------

export interface ResolutionChoice {
  optionId: string;
  amount?: string;
  note?: string;
}

/** Chooses from the category's framework. Above the agent's authority, the choice waits for approval. */
export function chooseResolution(ref: TicketRef & { choice: ResolutionChoice; advance: boolean }, actor: Actor, now = new Date()) {
  return changeTicket(ref, actor, now, async (ctx) => {
    requireStage(ctx, "RESOLVE");
    const option = await ctx.tx.resolutionOption.findFirst({
      where: { id: ref.choice.optionId, categoryId: ctx.ticket.category.id, active: true },
      select: { id: true, kind: true },
    });
    if (!option) throw new DomainError("invalidChange", { code: "unknownOption" });
    const amount = needsAmount(option.kind) && ref.choice.amount ? new Prisma.Decimal(ref.choice.amount) : null;
    const fields = { resolutionOptionId: option.id, resolutionAmount: amount, resolutionNote: ref.choice.note ?? null };
    const limits = await loadAuthorityLimits(ctx.tx);
    const events: TicketEventInput[] = [{ type: "resolution.chosen", ...diff(ctx.ticket as unknown as Record<string, unknown>, fields) }];
    let approval = ctx.state.approval;
    const unchanged = ctx.ticket.resolutionOptionId === option.id && (ctx.ticket.resolutionAmount?.equals(amount ?? -1) ?? amount === null);
    if (!unchanged) {
      // A new choice replaces any request still waiting for the old one.
      await ctx.tx.approvalRequest.updateMany({
        where: { ticketId: ctx.ticket.id, subject: "RESOLUTION", status: "PENDING" },
        data: { status: "DENIED", reason: "Superseded by a new choice", decidedAt: now },
      });
      approval = "NOT_NEEDED";
      if (needsApproval(amount ? Number(amount) : null, actor.role, limits)) {
        const request = await ctx.tx.approvalRequest.create({
          data: { ticketId: ctx.ticket.id, optionId: option.id, amount: amount!, requestedById: actor.id, createdAt: now },
          select: { id: true },
        });
        approval = "PENDING";
        await noticeApprovalRequested(ctx.tx, ctx.ticket, { id: request.id, amount: Number(amount), requestedById: actor.id }, limits, now);
        events.push({ type: "approval.requested", after: { approvalId: request.id, amount: String(amount), limit: limits[actor.role] } });
      }
    }
    const state: ProtocolState = {
      ...ctx.state,
      resolutionChosen: true,
      resolutionAmountMissing: needsAmount(option.kind) && amount === null,
      approval,
    };
    const move = await tryAdvance(ctx, state, ref.advance);
    return plan({ ...fields, ...move.patch }, [...events, ...move.events], { ...move.outcome, approval });
  });
}

/**
 * A supervisor (or admin) approves or denies, with a reason, what waits for a second person: a
 * resolution above the agent's authority, or (named by `approvalId`) a regulated letter held by
 * four-eyes (src/features/letters/approval.ts). One approval mechanism for both.
 */
export function decideApproval(ref: TicketRef & { approve: boolean; reason: string; approvalId?: string }, actor: Actor, now = new Date()) {
  return changeTicket(ref, actor, now, async (ctx) => {
    if (ref.approvalId) {
      const subject = await ctx.tx.approvalRequest.findFirst({
        where: { id: ref.approvalId, ticketId: ctx.ticket.id },
        select: { subject: true },
      });
      if (subject?.subject === "LETTER")
        return plan({}, await decideLetterApproval(ctx.tx, ctx.ticket, ref.approvalId, ref, actor, now), undefined);
    }
    if (ctx.state.approval !== "PENDING") throw new DomainError("invalidChange", { code: "noPendingApproval" });
    const request = await ctx.tx.approvalRequest.findFirstOrThrow({
      where: { ticketId: ctx.ticket.id, subject: "RESOLUTION", status: "PENDING" },
      orderBy: { createdAt: "desc" },
      select: { id: true, amount: true, requestedById: true },
    });
    const limits = await loadAuthorityLimits(ctx.tx);
    if (!mayApprove(actor.role, Number(request.amount), limits)) throw new DomainError("invalidChange", { code: "aboveYourAuthority" });
    await ctx.tx.approvalRequest.update({
      where: { id: request.id },
      data: { status: ref.approve ? "APPROVED" : "DENIED", decidedById: actor.id, reason: ref.reason, decidedAt: now },
    });
    await noticeApprovalDecided(ctx.tx, ctx.ticket, request, { approved: ref.approve, deciderId: actor.id, reason: ref.reason }, now);
    return plan(
      {},
      [
        {
          type: ref.approve ? "approval.approved" : "approval.denied",
          after: { approvalId: request.id, amount: String(request.amount), reason: ref.reason },
        },
      ],
      undefined,
    );
  });
}

// --- APOLOGISE → CLOSED -------------------------------------------------------------------------

/** Sends the apology with the resolution, records what will stop it recurring, and closes. */
export function sendApology(
  ref: TicketRef & { body: string; preventiveAction?: string; override?: ApologyOverride },
  actor: Actor,
  now = new Date(),
) {
  return changeTicket(ref, actor, now, async (ctx) => {
    requireStage(ctx, "APOLOGISE");
    requireNotHeld(ctx.state);
    const overridden = await passApologyGate(ctx, actor, ref.body, ref.override);
    await postMessage(ctx, actor, ref.body, "PUBLIC", true);
    const move = await tryAdvance(ctx, { ...ctx.state, apologySent: true, waitingOnCustomer: false }, true);
    if (!move.outcome.moved) throw new DomainError("protocolRefused", { refusal: move.outcome.refusal! });
    await enqueueMail(ctx.tx, surveyMail(customerMailContext(ctx.ticket)));
    return plan(
      { apologySentAt: now, preventiveAction: ref.preventiveAction ?? null, ...move.patch },
      [...overridden, { type: "message.sent", after: { visibility: "PUBLIC", purpose: "apology" } }, ...move.events],
      undefined,
    );
  });
}
