import "server-only";
import { decide, type Gate, type Move, type ProtocolState, type Refusal, type RootCause, type Severity } from "@/domain/protocol";
import { reopenReset } from "@/domain/reopen";
import { DomainError } from "@/domain/errors";
import { mayApprove, needsAmount, needsApproval } from "@/domain/resolution";
import type { Priority, Stage } from "@/domain/stages";
import { Prisma } from "@/generated/prisma/client";
import { customerMailContext } from "@/features/notifications/context";
import { storeAttachments, WITH_FILES } from "@/features/attachments/store";
import { replyMail, surveyMail } from "@/features/notifications/customer-mail";
import { noticeApprovalDecided, noticeApprovalRequested } from "@/features/notifications/work-notices";
import { enqueueMail } from "@/server/mail/outbox";
import { pauseClock, recomputeClock, startStageClock } from "./clock";
import { changeTicket, type Actor, type ChangeContext, type TicketRef } from "./change-ticket";
import { loadAuthorityLimits } from "./authority-limits";
import { passApologyGate, type ApologyOverride } from "./apology-gate";
import type { TicketEventInput, TicketWrite } from "@/features/tickets/write";

/** A save that may also move the ticket on: what was typed is kept even when the move is refused. */
export interface SaveOutcome {
  moved: boolean;
  refusal?: Refusal;
}

function requireStage(ctx: ChangeContext, ...stages: Stage[]) {
  if (!stages.includes(ctx.ticket.stage)) throw new DomainError("invalidChange", { code: "wrongStage" });
}

function requireMove(state: ProtocolState, move: Move) {
  const decision = decide(state, move);
  if (!decision.ok) throw new DomainError("protocolRefused", { refusal: decision.refusal });
  return decision;
}

/** Tries to move the ticket to its next stage from `state`; returns the columns and events of the move. */
async function tryAdvance(ctx: ChangeContext, state: ProtocolState, wanted: boolean) {
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
async function postMessage(
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
function diff<T extends Record<string, unknown>>(
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

function plan<R>(patch: Prisma.TicketUncheckedUpdateInput, events: TicketEventInput[], result: R): TicketWrite<R> {
  return { patch, events, result };
}

// --- NEW → LISTEN -------------------------------------------------------------------------------

/** Sends the acknowledgement (in the customer's language, edited by the agent) and starts listening. */
export function acknowledge(ref: TicketRef & { body: string }, actor: Actor, now = new Date()) {
  return changeTicket(ref, actor, now, async (ctx) => {
    requireStage(ctx, "NEW");
    await postMessage(ctx, actor, ref.body, "PUBLIC");
    const move = await tryAdvance(ctx, { ...ctx.state, acknowledged: true }, true);
    const claim = ctx.ticket.assigneeId ? {} : { assigneeId: actor.id };
    return plan(
      { ...move.patch, ...claim },
      [
        { type: "message.sent", after: { visibility: "PUBLIC", purpose: "acknowledgement" } },
        ...(ctx.ticket.assigneeId ? [] : [{ type: "ticket.assigned", before: { assigneeId: null }, after: { assigneeId: actor.id } }]),
        ...move.events,
      ],
      move.outcome,
    );
  });
}

// --- LISTEN -------------------------------------------------------------------------------------

export interface ListenRecord {
  factsWhat: string;
  factsWhen?: string;
  factsWhere?: string;
  factsPayment?: string;
  desiredOutcome: string;
  restatement: string;
  severity?: Severity;
  safetyRisk?: boolean;
}

export function recordListening(ref: TicketRef & { record: ListenRecord; advance: boolean }, actor: Actor, now = new Date()) {
  return changeTicket(ref, actor, now, async (ctx) => {
    requireStage(ctx, "LISTEN");
    const r = ref.record;
    const fields = {
      factsWhat: r.factsWhat,
      factsWhen: r.factsWhen ?? null,
      factsWhere: r.factsWhere ?? null,
      factsPayment: r.factsPayment ?? null,
      desiredOutcome: r.desiredOutcome,
      restatement: r.restatement,
      severity: r.severity ?? null,
      safetyRisk: r.safetyRisk ?? null,
    };
    const move = await tryAdvance(ctx, { ...ctx.state, ...fields }, ref.advance);
    return plan({ ...fields, ...move.patch }, [{ type: "listen.recorded", ...diff(ctx.ticket, fields) }, ...move.events], move.outcome);
  });
}

// --- UNDERSTAND ---------------------------------------------------------------------------------

export function recordUnderstanding(
  ref: TicketRef & { rootCause?: RootCause; finding?: string; disputed: boolean; advance: boolean },
  actor: Actor,
  now = new Date(),
) {
  return changeTicket(ref, actor, now, async (ctx) => {
    requireStage(ctx, "UNDERSTAND");
    const fields = { rootCause: ref.rootCause ?? null, finding: ref.finding ?? null, disputed: ref.disputed };
    const move = await tryAdvance(ctx, { ...ctx.state, ...fields }, ref.advance);
    return plan(
      { ...fields, ...move.patch },
      [{ type: "understanding.recorded", ...diff(ctx.ticket, fields) }, ...move.events],
      move.outcome,
    );
  });
}

/** A personal explanation for a customer who misunderstood; usually we then wait for their answer. */
export function sendClarification(ref: TicketRef & { body: string; waitForCustomer: boolean }, actor: Actor, now = new Date()) {
  return changeTicket(ref, actor, now, async (ctx) => {
    requireStage(ctx, "LISTEN", "UNDERSTAND", "RESOLVE");
    await postMessage(ctx, actor, ref.body, "PUBLIC");
    const wait = ref.waitForCustomer && !ctx.state.waitingOnCustomer ? await pauseClock(ctx.tx, ctx.ticket, now) : {};
    return plan(
      { clarificationSentAt: now, ...wait },
      [
        { type: "message.sent", after: { visibility: "PUBLIC", purpose: "clarification" } },
        ...(ref.waitForCustomer && !ctx.state.waitingOnCustomer ? [{ type: "clock.paused", after: { waitingOnCustomer: true } }] : []),
      ],
      undefined,
    );
  });
}

/** Brings in a supervisor: a disputed case is settled by someone else, which keeps it from becoming personal. */
export function escalate(ref: TicketRef & { reason: string }, actor: Actor, now = new Date()) {
  return changeTicket(ref, actor, now, async (ctx) => {
    requireMove(ctx.state, { type: "escalate" });
    return plan(
      { escalatedAt: now, escalationReason: ref.reason },
      [{ type: "ticket.escalated", after: { reason: ref.reason } }],
      undefined,
    );
  });
}

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
        where: { ticketId: ctx.ticket.id, status: "PENDING" },
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

/** A supervisor (or admin) approves or denies a resolution above the agent's authority, with a reason. */
export function decideApproval(ref: TicketRef & { approve: boolean; reason: string }, actor: Actor, now = new Date()) {
  return changeTicket(ref, actor, now, async (ctx) => {
    if (ctx.state.approval !== "PENDING") throw new DomainError("invalidChange", { code: "noPendingApproval" });
    const request = await ctx.tx.approvalRequest.findFirstOrThrow({
      where: { ticketId: ctx.ticket.id, status: "PENDING" },
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

// --- Any stage ----------------------------------------------------------------------------------

/** Moves on using what is already recorded (e.g. after acknowledging by an ordinary reply). */
export function advance(ref: TicketRef, actor: Actor, now = new Date()) {
  return changeTicket(ref, actor, now, async (ctx) => {
    const move = await tryAdvance(ctx, ctx.state, true);
    if (!move.outcome.moved) throw new DomainError("protocolRefused", { refusal: move.outcome.refusal! });
    return plan(move.patch, move.events, undefined);
  });
}

/** A public reply to the customer or an internal note; a reply may wait for the customer's answer. */
export function reply(
  ref: TicketRef & { body: string; visibility: "PUBLIC" | "INTERNAL"; waitForCustomer: boolean; files?: readonly File[] },
  actor: Actor,
  now = new Date(),
) {
  return changeTicket(
    ref,
    actor,
    now,
    async (ctx) => {
      await postMessage(ctx, actor, ref.body, ref.visibility, false, ref.files);
      const events: TicketEventInput[] = [
        { type: ref.visibility === "PUBLIC" ? "message.sent" : "note.added", after: { visibility: ref.visibility } },
      ];
      let patch = {};
      if (ref.visibility === "PUBLIC" && ref.waitForCustomer) {
        requireMove({ ...ctx.state, acknowledged: true }, { type: "waitForCustomer" });
        patch = await pauseClock(ctx.tx, ctx.ticket, now);
        events.push({ type: "clock.paused", after: { waitingOnCustomer: true } });
      }
      return plan(patch, events, undefined);
    },
    ref.files?.length ? WITH_FILES : undefined,
  );
}

/** Waiting on the customer pauses the clock; resuming adds the paused business time to the deadline. */
export function setWaitingOnCustomer(ref: TicketRef & { waiting: boolean }, actor: Actor, now = new Date()) {
  return changeTicket(ref, actor, now, async (ctx) => {
    requireMove(ctx.state, { type: ref.waiting ? "waitForCustomer" : "resume" });
    const patch = ref.waiting
      ? await pauseClock(ctx.tx, ctx.ticket, now)
      : await recomputeClock(ctx.tx, ctx.ticket, ctx.policy, now, { resume: true });
    return plan(patch, [{ type: ref.waiting ? "clock.paused" : "clock.resumed", after: { waitingOnCustomer: ref.waiting } }], undefined);
  });
}

/** The customer disagrees: back to UNDERSTAND, with the old resolution and apology cleared. */
export function reopen(ref: TicketRef & { reason: string }, actor: Actor, now = new Date()) {
  return changeTicket(ref, actor, now, async (ctx) => {
    const reopening = reopenReset(ctx.state);
    if (!reopening.ok) throw new DomainError("protocolRefused", { refusal: reopening.refusal });
    const { reset } = reopening;
    const clock = await startStageClock(ctx.tx, ctx.ticket, reset.stage, ctx.policy, now);
    return plan(
      { ...reset, ...clock },
      [{ type: "ticket.reopened", before: { stage: "CLOSED" }, after: { stage: reset.stage, reason: ref.reason } }],
      undefined,
    );
  });
}

export function assign(ref: TicketRef & { assigneeId: string | null }, actor: Actor, now = new Date()) {
  return changeTicket(ref, actor, now, async (ctx) => {
    if (ref.assigneeId) {
      const assignee = await ctx.tx.user.findFirst({ where: { id: ref.assigneeId, active: true }, select: { id: true } });
      if (!assignee) throw new DomainError("invalidChange", { code: "unknownAssignee" });
    }
    return plan(
      { assigneeId: ref.assigneeId },
      [{ type: "ticket.assigned", before: { assigneeId: ctx.ticket.assigneeId }, after: { assigneeId: ref.assigneeId } }],
      undefined,
    );
  });
}

/** A new priority changes the running stage's target: its deadline is recomputed from the stage's start. */
export function setPriority(ref: TicketRef & { priority: Priority }, actor: Actor, now = new Date()) {
  return changeTicket(ref, actor, now, async (ctx) => {
    const clock = await recomputeClock(ctx.tx, ctx.ticket, ctx.policy, now, { resume: false, priority: ref.priority });
    return plan(
      { priority: ref.priority, ...clock },
      [{ type: "priority.changed", before: { priority: ctx.ticket.priority }, after: { priority: ref.priority } }],
      undefined,
    );
  });
}

/** Recategorising changes the framework of answers, so a chosen resolution is cleared; the reason is kept. */
export function changeCategory(ref: TicketRef & { categoryId: string; reason: string }, actor: Actor, now = new Date()) {
  return changeTicket(ref, actor, now, async (ctx) => {
    const category = await ctx.tx.category.findFirst({
      where: { id: ref.categoryId, active: true },
      select: { id: true, code: true, teamId: true },
    });
    if (!category) throw new DomainError("invalidChange", { code: "unknownCategory" });
    const clock = await recomputeClock(ctx.tx, ctx.ticket, ctx.policy, now, { resume: false, categoryCode: category.code });
    return plan(
      { categoryId: category.id, teamId: category.teamId, resolutionOptionId: null, resolutionAmount: null, ...clock },
      [
        {
          type: "category.changed",
          before: { category: ctx.ticket.category.code },
          after: { category: category.code, reason: ref.reason },
        },
      ],
      undefined,
    );
  });
}

export type { Gate };
