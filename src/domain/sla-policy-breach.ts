// What the SLA monitor records when a stage's clock passes its at-risk point or its deadline,
// and what a breach does to the ticket. Plain rules: the monitor (src/features/sla/monitor.ts)
// decides nothing itself, it claims the rows and writes what these functions return.
import { PRIORITIES, STAGES, type Priority, type Stage } from "./stages";

export type SlaTransitionKind = "sla.at_risk" | "sla.breached";

/** One at-risk or breach the monitor has claimed for a timer. */
export interface SlaTransition {
  kind: SlaTransitionKind;
  timerId: string;
  ticketId: string;
  stage: Stage;
  atRiskAt: Date;
  dueAt: Date;
}

/** The event vocabulary this module writes; the shapes match what the timeline reads. */
export interface PolicyEvent {
  type: string;
  before?: Record<string, string | number | null>;
  after: Record<string, string | number | null>;
}

/**
 * When the transition really happened. An at-risk point after the deadline (an admin set more
 * than 100 %) is reported at the deadline, so a stage is never breached before it was at risk.
 */
export function transitionMoment(t: Pick<SlaTransition, "kind" | "atRiskAt" | "dueAt">): Date {
  if (t.kind === "sla.breached") return t.dueAt;
  return t.atRiskAt.getTime() <= t.dueAt.getTime() ? t.atRiskAt : t.dueAt;
}

/** Whole minutes from the moment a transition happened to the moment it was noticed (never negative). */
export function minutesLate(moment: Date, detectedAt: Date): number {
  return Math.max(0, Math.floor((detectedAt.getTime() - moment.getTime()) / 60_000));
}

const KIND_RANK: Record<SlaTransitionKind, number> = { "sla.at_risk": 0, "sla.breached": 1 };

/**
 * The order the transitions are written in: when each really happened, and for one timer its
 * at-risk before its breach (its at-risk moment is never later than its deadline, and on a tie
 * the at-risk comes first). After downtime a sweep catches up on both at once; the history must
 * still read in the order things happened.
 */
export function orderTransitions<T extends SlaTransition>(transitions: readonly T[]): T[] {
  return [...transitions].sort(
    (a, b) =>
      transitionMoment(a).getTime() - transitionMoment(b).getTime() ||
      KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
      a.timerId.localeCompare(b.timerId),
  );
}

/** The event that records the transition: the stage, the real moment, the deadline, when it was noticed, how late. */
export function transitionEvent(t: SlaTransition, detectedAt: Date): PolicyEvent {
  const moment = transitionMoment(t);
  return {
    type: t.kind,
    after: {
      timerId: t.timerId,
      stage: t.stage,
      occurredAt: moment.toISOString(),
      atRiskAt: t.atRiskAt.toISOString(),
      dueAt: t.dueAt.toISOString(),
      detectedAt: detectedAt.toISOString(),
      // For a breach: how far past the deadline the ticket was when the monitor saw it. For an
      // at-risk: how long after the threshold. Both are about a minute when the monitor runs.
      minutesLate: minutesLate(moment, detectedAt),
    },
  };
}

/** One step up: LOW → NORMAL → HIGH → URGENT; URGENT stays. */
export function raisePriority(priority: Priority): Priority {
  const index = PRIORITIES.indexOf(priority);
  return PRIORITIES[Math.min(index + 1, PRIORITIES.length - 1)]!;
}

const SLA_REASON = /^SLA breached in ([A-Z]+)$/;

// Stored as written (the API and webhooks carry it); pages word it with slaEscalationStage.
export function escalationReason(stage: Stage): string {
  return `SLA breached in ${stage}`;
}

/** The stage whose missed deadline escalated the ticket, when `reason` is the monitor's; else null (a person's words). */
export function slaEscalationStage(reason: string | null | undefined): Stage | null {
  const stage = reason?.match(SLA_REASON)?.[1];
  return stage && (STAGES as readonly string[]).includes(stage) ? (stage as Stage) : null;
}

export interface BreachPolicyTicket {
  priority: Priority;
  escalatedAt: Date | null;
  escalationReason: string | null;
}

export interface BreachPolicyOutcome {
  /** The ticket after the policy; equal to the input when nothing changed. */
  ticket: BreachPolicyTicket;
  /** True when a column changed: the ticket's version must then move on. */
  changed: boolean;
  events: PolicyEvent[];
}

/**
 * A missed deadline raises the ticket's priority one step and escalates it, which holds it for a
 * supervisor's settlement (unless someone escalated it already; the first reason is kept). The running deadline is left
 * alone on purpose: the breach has happened, and a higher priority's shorter target would only
 * move a deadline that is already past.
 */
export function applyBreachPolicy(ticket: BreachPolicyTicket, stage: Stage, now: Date): BreachPolicyOutcome {
  const events: PolicyEvent[] = [];
  const priority = raisePriority(ticket.priority);
  if (priority !== ticket.priority) {
    events.push({ type: "priority.changed", before: { priority: ticket.priority }, after: { priority, reason: "sla.breached", stage } });
  }
  let escalation = { escalatedAt: ticket.escalatedAt, escalationReason: ticket.escalationReason };
  if (ticket.escalatedAt === null) {
    const reason = escalationReason(stage);
    escalation = { escalatedAt: now, escalationReason: reason };
    // The source lets the timeline say it in the reader's language; the reason stays for the API's readers.
    events.push({ type: "ticket.escalated", after: { reason, source: "BREACH", stage } });
  }
  return { ticket: { priority, ...escalation }, changed: events.length > 0, events };
}
