import "server-only";
import type { RootCause, Severity } from "@/domain/protocol";
import { autoEscalation } from "@/domain/escalation";
import { safetyRaise } from "@/domain/safety";
import { noticeSafetyRaised } from "@/features/notifications/work-notices";
import { pauseClock, recomputeClock } from "./clock";
import { changeTicket, type Actor, type TicketRef } from "./change-ticket";
import { diff, plan, postMessage, requireStage, tryAdvance } from "./command-steps";
import { escalation } from "./escalation-commands";

// Hearing the customer out: acknowledging, listening, understanding (with a clarification on the way,
// and an escalation when a safety risk is declared or the case is disputed).

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
    const safety = safetyRaise(ctx.ticket, fields, ctx.ticket.priority);
    const priority = safety.priority ?? ctx.ticket.priority;
    // Moving on starts the next stage's clock at the new priority; staying re-reads the running
    // one's deadline for it, as a manual priority change does.
    const move = await tryAdvance({ ...ctx, ticket: { ...ctx.ticket, priority } }, { ...ctx.state, ...fields }, ref.advance);
    const clock =
      safety.priority && !move.outcome.moved ? await recomputeClock(ctx.tx, ctx.ticket, ctx.policy, now, { resume: false, priority }) : {};
    const cause = fields.safetyRisk ? "safetyRisk" : "critical";
    // A declared safety risk is in the supervisors' hands, not only urgent; a critical severity alone is urgent.
    const source = autoEscalation(ctx.state.escalated, { safetyDeclared: fields.safetyRisk === true && ctx.ticket.safetyRisk !== true });
    // When the safety notice goes out it says the ticket is escalated: one notice for one declaration.
    const raised = source ? await escalation(ctx, source, null, null, !safety.declared) : null;
    if (safety.declared) {
      const priorityRaised = safety.priority ? { from: ctx.ticket.priority, to: safety.priority } : undefined;
      await noticeSafetyRaised(ctx.tx, { ...ctx.ticket, version: ref.version }, { cause, priorityRaised, escalated: raised !== null }, now);
    }
    return plan(
      { ...fields, priority, ...clock, ...move.patch, ...raised?.patch },
      [
        { type: "listen.recorded", ...diff(ctx.ticket, fields) },
        ...(safety.declared
          ? [{ type: "ticket.safetyRaised", before: { priority: ctx.ticket.priority }, after: { priority, cause } }]
          : []),
        ...(raised?.events ?? []),
        ...move.events,
      ],
      move.outcome,
    );
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
    // A dispute ("he said, she said") is for a manager to settle: recording it escalates the ticket.
    const source = autoEscalation(ctx.state.escalated, { disputedBefore: ctx.ticket.disputed, disputedAfter: ref.disputed });
    const raised = source ? await escalation(ctx, source, null, null) : null;
    const move = await tryAdvance(ctx, { ...ctx.state, ...fields, escalated: ctx.state.escalated || raised !== null }, ref.advance);
    return plan(
      { ...fields, ...move.patch, ...raised?.patch },
      [{ type: "understanding.recorded", ...diff(ctx.ticket, fields) }, ...(raised?.events ?? []), ...move.events],
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
