import "server-only";
import { formatReference } from "@/domain/reference";
import {
  applyBreachPolicy,
  orderTransitions,
  transitionEvent,
  transitionMoment,
  type BreachPolicyTicket,
  type PolicyEvent,
  type SlaTransition,
} from "@/domain/sla-policy-breach";
import type { Prisma } from "@/generated/prisma/client";
import { slaNotice, type NoticeRecipient, type SlaNoticeFacts, type StaffNotification } from "@/features/notifications/staff-notices";
import { writeLockedTickets, type TicketActor, type TicketEventRow } from "@/features/tickets/write";
import { appUrl } from "@/server/app-url";
import { enqueueMail } from "@/server/mail/outbox";
import { claimAtRisk, claimBreach, dueTimersQuery, lockTickets, type ClaimedTimer, type DueTimer } from "./due-timers";

// One batch of a sweep, in one transaction (see ./monitor.ts): claims what fell due, then writes
// what it calls for: the events, the breach policy on the tickets, the supervisors' notices and mail.

const SYSTEM: TicketActor = { type: "SYSTEM" };

export interface BatchResult {
  candidates: number;
  atRisk: number;
  breached: number;
  busyTickets: string[];
}

function asTransition(kind: SlaTransition["kind"], row: ClaimedTimer): SlaTransition {
  return { kind, timerId: row.id, ticketId: row.ticketId, stage: row.stage, atRiskAt: new Date(row.atRiskAt), dueAt: new Date(row.dueAt) };
}

function sameUpdate(a: BreachPolicyTicket, b: BreachPolicyTicket): boolean {
  return a.priority === b.priority && a.escalatedAt?.getTime() === b.escalatedAt?.getTime() && a.escalationReason === b.escalationReason;
}

// A catch-up batch writes thousands of notices: one statement, from one JSON parameter (the
// events go the same way, through appendTicketEvents).

export async function insertNotifications(tx: Prisma.TransactionClient, notifications: StaffNotification[]): Promise<void> {
  if (notifications.length === 0) return;
  // The claim already makes each notice new; the unique key keeps it one even if it did not.
  await tx.$executeRaw`
    INSERT INTO "Notification" (id, "userId", kind, "ticketId", "messageKey", "messageParams", title, body, "dedupeKey", "createdAt")
    SELECT gen_random_uuid(), (n->>'userId')::uuid, n->>'kind', (n->>'ticketId')::uuid, n->>'messageKey', n->'messageParams',
           n->>'title', n->>'body', n->>'dedupeKey', (n->>'createdAt')::timestamptz
    FROM jsonb_array_elements(${JSON.stringify(notifications)}::jsonb) AS x(n)
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}

export async function sweepBatch(
  tx: Prisma.TransactionClient,
  now: Date,
  batchSize: number,
  busy: readonly string[],
  timeZone: string,
): Promise<BatchResult> {
  const due = await tx.$queryRaw<DueTimer[]>(dueTimersQuery(now, batchSize, busy));
  if (due.length === 0) return { candidates: 0, atRisk: 0, breached: 0, busyTickets: [] };

  const wanted = [...new Set(due.map((t) => t.ticketId))];
  const tickets = new Map((await lockTickets(tx, wanted)).map((t) => [t.id, t]));
  const busyTickets = wanted.filter((id) => !tickets.has(id));
  const timerIds = due.filter((t) => tickets.has(t.ticketId)).map((t) => t.id);
  if (timerIds.length === 0) return { candidates: due.length, atRisk: 0, breached: 0, busyTickets };

  // At-risk first, so a timer both at risk and breached is claimed in that order.
  const atRisk = await claimAtRisk(tx, timerIds, now);
  const breached = await claimBreach(tx, timerIds, now);
  if (atRisk.length === 0 && breached.length === 0) return { candidates: due.length, atRisk: 0, breached: 0, busyTickets };

  const transitions = orderTransitions([
    ...atRisk.map((r) => asTransition("sla.at_risk", r)),
    ...breached.map((r) => asTransition("sla.breached", r)),
  ]);
  const supervisors: NoticeRecipient[] = await tx.user.findMany({
    where: { role: "SUPERVISOR", active: true },
    select: { id: true, email: true, locale: true },
    orderBy: { email: "asc" },
  });

  const events: TicketEventRow[] = [];
  const facts: SlaNoticeFacts[] = [];
  const policyState = new Map<string, BreachPolicyTicket>();
  const event = (ticketId: string, e: PolicyEvent): TicketEventRow => ({ ticketId, ...e });

  for (const t of transitions) {
    const ticket = tickets.get(t.ticketId)!;
    events.push(event(t.ticketId, transitionEvent(t, now)));
    const reference = formatReference(ticket.number);
    const fact: SlaNoticeFacts = {
      kind: t.kind,
      timerId: t.timerId,
      ticketId: t.ticketId,
      reference,
      stage: t.stage,
      occurredAt: transitionMoment(t),
      dueAt: t.dueAt,
      detectedAt: now,
      url: appUrl(`/agent/tickets/${reference}`),
      timeZone,
    };
    if (t.kind === "sla.breached") {
      const before = policyState.get(t.ticketId) ?? {
        priority: ticket.priority,
        escalatedAt: ticket.escalatedAt,
        escalationReason: ticket.escalationReason,
      };
      const outcome = applyBreachPolicy(before, t.stage, now);
      policyState.set(t.ticketId, outcome.ticket);
      events.push(...outcome.events.map((e) => event(t.ticketId, e)));
      if (outcome.ticket.priority !== before.priority) fact.priorityRaised = { from: before.priority, to: outcome.ticket.priority };
      fact.escalated = before.escalatedAt === null && outcome.ticket.escalatedAt !== null;
    }
    facts.push(fact);
  }

  // The breach policy, one update per distinct outcome. The running deadline is deliberately not
  // recomputed for the higher priority (as an agent's setPriority would): the breach has already
  // happened, and a shorter target would only move a deadline that is past. The version moves on,
  // so an agent working from the view before the breach gets a conflict instead of overwriting it.
  const groups: { data: BreachPolicyTicket; ticketIds: string[] }[] = [];
  for (const [ticketId, after] of policyState) {
    const locked = tickets.get(ticketId)!;
    if (sameUpdate(after, locked)) continue;
    const group = groups.find((g) => sameUpdate(g.data, after));
    if (group) group.ticketIds.push(ticketId);
    else groups.push({ data: after, ticketIds: [ticketId] });
  }
  // Through the one ticket write path, in its set-based form: the tickets are already locked above.
  await writeLockedTickets(
    tx,
    SYSTEM,
    groups.map(({ data, ticketIds }) => ({
      ticketIds,
      patch: {
        priority: data.priority,
        escalatedAt: data.escalatedAt,
        escalationReason: data.escalationReason,
        // A group escalated now was escalated by this breach; an older escalation keeps its source.
        ...(data.escalatedAt?.getTime() === now.getTime() && { escalationSource: "BREACH" as const }),
      },
    })),
    events,
    now,
  );
  if (supervisors.length > 0) {
    const notices = facts.flatMap((f) => supervisors.map((s) => slaNotice(f, s)));
    await insertNotifications(
      tx,
      notices.map((n) => n.notification),
    );
    // One round trip or three per mail: this is what bounds a batch (see timersPerBatch in ./monitor.ts).
    for (const notice of notices) await enqueueMail(tx, notice.mail);
  }
  return { candidates: due.length, atRisk: atRisk.length, breached: breached.length, busyTickets };
}
