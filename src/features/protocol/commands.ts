import "server-only";
import { reopenReset } from "@/domain/reopen";
import { DomainError } from "@/domain/errors";
import type { Priority } from "@/domain/stages";
import { WITH_FILES } from "@/features/attachments/store";
import type { TicketEventInput } from "@/features/tickets/write";
import { recategoriseRegulatoryClock } from "@/features/regulation/clock";
import { pauseClock, recomputeClock, startStageClock } from "./clock";
import { changeTicket, type Actor, type TicketRef } from "./change-ticket";
import { plan, postMessage, protocolRefusal, requireMove, tryAdvance } from "./command-steps";

// The staff commands of any stage: replies and notes, waiting, reopening, assignment, priority, category.
// The stages' own are in ./hearing-commands.ts (NEW to UNDERSTAND) and ./resolution-commands.ts (RESOLVE to CLOSED).

export function advance(ref: TicketRef, actor: Actor, now = new Date()) {
  return changeTicket(ref, actor, now, async (ctx) => {
    const move = await tryAdvance(ctx, ctx.state, true);
    if (!move.outcome.moved) throw protocolRefusal(move.outcome.refusal!);
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

/**
 * Recategorising changes the framework of answers, so a chosen resolution is cleared; the reason is
 * kept. A macro's change records the macro's names too, so the timeline names it in its reader's language.
 */
export function changeCategory(
  ref: TicketRef & { categoryId: string; reason: string; macro?: { nameEn: string; nameId: string } },
  actor: Actor,
  now = new Date(),
) {
  return changeTicket(ref, actor, now, async (ctx) => {
    const category = await ctx.tx.category.findFirst({
      where: { id: ref.categoryId, active: true },
      select: { id: true, code: true, teamId: true, regime: true, paymentServices: true },
    });
    if (!category) throw new DomainError("invalidChange", { code: "unknownCategory" });
    const clock = await recomputeClock(ctx.tx, ctx.ticket, ctx.policy, now, { resume: false, categoryCode: category.code });
    // Another regime counts the complaint again, from the day it was received, by its own rules.
    const regulatory = await recategoriseRegulatoryClock(ctx.tx, ctx.ticket, category, now);
    const events: TicketEventInput[] = [
      {
        type: "category.changed",
        before: { category: ctx.ticket.category.code },
        after: {
          category: category.code,
          reason: ref.reason,
          ...(ref.macro && { macro: { nameEn: ref.macro.nameEn, nameId: ref.macro.nameId } }),
        },
      },
    ];
    if (regulatory.changed) {
      events.push({
        type: "regulatory.recomputed",
        before: {
          regime: ctx.ticket.regime,
          paymentServices: ctx.ticket.paymentServices,
          dueAt: ctx.ticket.regulatoryDueAt?.toISOString() ?? null,
        },
        after: {
          regime: category.regime,
          paymentServices: category.paymentServices,
          dueAt: regulatory.columns.regulatoryDueAt?.toISOString() ?? null,
        },
      });
    }
    return plan(
      // Choosing a category (even the same one) is the triage a mailed complaint waited for.
      {
        categoryId: category.id,
        teamId: category.teamId,
        resolutionOptionId: null,
        resolutionAmount: null,
        needsTriage: false,
        ...clock,
        ...regulatory.columns,
      },
      events,
      undefined,
    );
  });
}
