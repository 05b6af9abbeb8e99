import "server-only";
import { heldForSettlement } from "@/domain/escalation";
import { decide, type Move, type ProtocolState, type Refusal } from "@/domain/protocol";
import { DomainError } from "@/domain/errors";
import type { Stage } from "@/domain/stages";
import { Prisma } from "@/generated/prisma/client";
import { customerMailContext } from "@/features/notifications/context";
import { storeAttachments } from "@/features/attachments/store";
import { replyMail } from "@/features/notifications/customer-mail";
import { enqueueMail } from "@/server/mail/outbox";
import type { TicketEventInput, TicketWrite } from "@/features/tickets/write";
import { startStageClock } from "./clock";
import type { Actor, ChangeContext } from "./change-ticket";

// The steps every staff command is made of: the checks, the move on, the message, the event's diff.

/** A save that may also move the ticket on: what was typed is kept even when the move is refused. */
export interface SaveOutcome {
  moved: boolean;
  refusal?: Refusal;
}

export function requireStage(ctx: ChangeContext, ...stages: Stage[]) {
  if (!stages.includes(ctx.ticket.stage)) throw new DomainError("invalidChange", { code: "wrongStage" });
}

export function requireMove(state: ProtocolState, move: Move) {
  const decision = decide(state, move);
  if (!decision.ok) throw protocolRefusal(decision.refusal);
  return decision;
}

/**
 * Refuses, before anything is written or sent, a step out of RESOLVE or APOLOGISE (the apology, the
 * close) while the ticket waits for a supervisor's settlement.
 */
export function requireNotHeld(state: ProtocolState) {
  if (heldForSettlement(state.stage, state)) throw protocolRefusal({ reason: "awaitingSettlement" });
}

/**
 * The protocol's refusal as an error. Its message is for logs and tests; what the reader sees is
 * worded in their language from the refusal itself.
 */
export function protocolRefusal(refusal: Refusal) {
  return new DomainError(
    "protocolRefused",
    { refusal },
    refusal.reason === "awaitingSettlement" ? "A supervisor must settle the escalation first" : undefined,
  );
}

/** Tries to move the ticket to its next stage from `state`; returns the columns and events of the move. */
export async function tryAdvance(ctx: ChangeContext, state: ProtocolState, wanted: boolean) {
  if (!wanted) return { outcome: { moved: false } as SaveOutcome, patch: {}, events: [] as TicketEventInput[] };
  const decision = decide(state, { type: "advance" });
  if (!decision.ok) return { outcome: { moved: false, refusal: decision.refusal } as SaveOutcome, patch: {}, events: [] };
  const clock = await startStageClock(ctx.tx, ctx.ticket, decision.stage, ctx.policy, ctx.now);
  return {
    outcome: { moved: true } as SaveOutcome,
    patch: { stage: decision.stage, ...clock, ...(decision.stage === "CLOSED" && { closedAt: ctx.now }) },
    events: [{ type: "stage.changed", before: { stage: ctx.ticket.stage }, after: { stage: decision.stage } }],
  };
}

/**
 * Posts a message, with its files; a public one is also mailed to the customer, in the same
 * transaction. The files of an internal note are never shown to the customer.
 */
export async function postMessage(
  ctx: ChangeContext,
  actor: Actor,
  body: string,
  visibility: "PUBLIC" | "INTERNAL",
  apology = false,
  files: readonly File[] = [],
) {
  const message = await ctx.tx.message.create({
    data: { ticketId: ctx.ticket.id, authorType: "STAFF", authorId: actor.id, visibility, body, createdAt: ctx.now },
    select: { id: true },
  });
  await storeAttachments(ctx.tx, { ticketId: ctx.ticket.id, messageId: message.id, files, createdAt: ctx.now });
  if (visibility === "PUBLIC") await enqueueMail(ctx.tx, replyMail(customerMailContext(ctx.ticket), { id: message.id, body, apology }));
}

/** Only the fields that changed, for the event's before and after. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Prisma.InputJsonValue; after: Prisma.InputJsonValue } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    const was = before[key] instanceof Prisma.Decimal ? String(before[key]) : before[key];
    const now = after[key] instanceof Prisma.Decimal ? String(after[key]) : after[key];
    if (JSON.stringify(was ?? null) !== JSON.stringify(now ?? null)) {
      b[key] = was ?? null;
      a[key] = now ?? null;
    }
  }
  return { before: b as Prisma.InputJsonValue, after: a as Prisma.InputJsonValue };
}

export function plan<R>(patch: Prisma.TicketUncheckedUpdateInput, events: TicketEventInput[], result: R): TicketWrite<R> {
  return { patch, events, result };
}
