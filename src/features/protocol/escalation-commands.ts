import "server-only";
import type { EscalationSource, SettlementDecision } from "@/domain/escalation";
import { DomainError } from "@/domain/errors";
import { roleAtLeast } from "@/domain/roles";
import { noticeEscalated } from "@/features/notifications/work-notices";
import type { TicketEventInput } from "@/features/tickets/write";
import { changeTicket, type Actor, type ChangeContext, type TicketRef } from "./change-ticket";
import { plan, requireMove } from "./command-steps";

// Escalation as a state with an owner: raised by the agent or by the protocol itself, held until a
// supervisor settles it (src/domain/escalation.ts).

/**
 * The columns and event of escalating the ticket in `ctx`, and the supervisors' notices, written in
 * the change's transaction. Shared by the agent's command and the commands that escalate on their own.
 */
export async function escalation(
  ctx: ChangeContext,
  source: EscalationSource,
  reason: string | null,
  actor: Actor | null,
  /** False when another notice of the same change already tells the supervisors (a safety risk's). */
  notify = true,
): Promise<{
  patch: { escalatedAt: Date; escalationReason: string | null; escalationSource: EscalationSource };
  events: TicketEventInput[];
}> {
  if (notify) await noticeEscalated(ctx.tx, ctx.ticket, { source, reason, byId: actor?.id ?? null }, ctx.now);
  return {
    patch: { escalatedAt: ctx.now, escalationReason: reason, escalationSource: source },
    events: [{ type: "ticket.escalated", after: { reason, source } }],
  };
}

/** Brings in a supervisor: a disputed case is settled by someone else, which keeps it from becoming personal. */
export function escalate(ref: TicketRef & { reason: string }, actor: Actor, now = new Date()) {
  return changeTicket(ref, actor, now, async (ctx) => {
    requireMove(ctx.state, { type: "escalate" });
    const raised = await escalation(ctx, "AGENT", ref.reason, actor);
    return plan(raised.patch, raised.events, undefined);
  });
}

export interface Settlement {
  decision: SettlementDecision;
  note: string;
  /** The supervisor takes the ticket over: it becomes theirs to work. */
  takeOver: boolean;
}

/** A supervisor (or admin) records how the escalation is settled, which releases the hold. */
export function settleEscalation(ref: TicketRef & Settlement, actor: Actor, now = new Date()) {
  return changeTicket(ref, actor, now, async (ctx) => {
    // The action allows supervisors only; the command says so too, for every other caller.
    if (!roleAtLeast(actor.role, "SUPERVISOR")) throw new DomainError("forbidden");
    requireMove(ctx.state, { type: "settle" });
    const reassign = ref.takeOver && ctx.ticket.assigneeId !== actor.id;
    const events: TicketEventInput[] = [
      {
        type: "ticket.settled",
        after: {
          decision: ref.decision,
          note: ref.note,
          takeOver: ref.takeOver,
          source: ctx.ticket.escalationSource,
          // Kept with the settlement so the reports read time to settle from the events alone.
          escalatedAt: ctx.ticket.escalatedAt!.toISOString(),
        },
      },
    ];
    if (reassign) events.push({ type: "ticket.assigned", before: { assigneeId: ctx.ticket.assigneeId }, after: { assigneeId: actor.id } });
    return plan(
      {
        settledAt: now,
        settlementDecision: ref.decision,
        settlementNote: ref.note,
        settledById: actor.id,
        ...(reassign && { assigneeId: actor.id }),
      },
      events,
      undefined,
    );
  });
}
