import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
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
import type { Priority, Stage } from "@/domain/stages";
import { Prisma } from "@/generated/prisma/client";
import { slaNotice, type NoticeRecipient, type SlaNoticeFacts, type StaffNotification } from "@/features/notifications/staff-notices";
import { writeLockedTickets, type TicketActor, type TicketEventRow } from "@/features/tickets/write";
import { appUrl } from "@/server/app-url";
import type { Db } from "@/server/db/create-client";
import { db as appDb } from "@/server/db/prisma";
import { enqueueMail } from "@/server/mail/outbox";
import { consoleLogger } from "@/server/ops/logger";

// The SLA monitor: every minute, records each stage clock that passed its at-risk point or its
// deadline, once, and tells the supervisors. Any number of app instances may sweep one database
// at the same moment; PostgreSQL decides which of them records each timer, never process memory.
//
// Exactly once, per batch transaction:
//  1. read up to `batchSize` due timers (no locks; both index range scans stop at `now`);
//  2. lock their tickets with FOR UPDATE SKIP LOCKED. Every writer of a ticket (agents' changes,
//     customers' replies, claims) locks the ticket row before it touches its timers, so taking the
//     ticket first keeps one lock order everywhere (no deadlock with an agent's change), and a
//     ticket another instance or an agent holds right now is left for that one / the next pass;
//  3. claim with conditional updates — `SET "atRiskRecordedAt" = now WHERE … AND
//     "atRiskRecordedAt" IS NULL RETURNING`, the same for "breachedAt". PostgreSQL re-checks the
//     condition on the newest committed row before it updates, so of any number of concurrent
//     sweeps exactly one gets each row back; the others get nothing and write nothing;
//  4. in the same transaction, write what the returned rows call for: the events, the breach
//     policy on the ticket, a notice and a mail per supervisor. A failure rolls the claim back
//     with them, and the next pass records it again.
//
// A batch is one short transaction (up to 500 timers, fewer when there are many supervisors to
// mail), so a backlog after downtime is worked off in slices and an agent waits at most about a
// second for a ticket the monitor holds.

export interface SlaMonitorLogger {
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

export interface SweepOptions {
  /** Defaults to the app's client. */
  db?: Db;
  /** Timers per transaction, at most; fewer when there are many supervisors to mail (see timersPerBatch). */
  batchSize?: number;
  /** Stops between batches. */
  signal?: AbortSignal;
}

export interface SweepResult {
  atRisk: number;
  breached: number;
  batches: number;
  /** Tickets another transaction held (another instance, an agent); looked at again next pass. */
  deferred: number;
}

export const SLA_MONITOR_DEFAULTS = { batchSize: 500, intervalMs: 60_000 } as const;

// A batch of 500 writes a few thousand rows; generous, so a slow disk or an embedded database
// serving another connection's transaction first does not abort a batch that is making progress.
const TRANSACTION = { maxWait: 30_000, timeout: 120_000 } as const;
const FALLBACK_TIME_ZONE = "Asia/Jakarta";
const SYSTEM: TicketActor = { type: "SYSTEM" };
// Mail is queued through enqueueMail, a few round trips per mail (about 1.5 ms each here), and a
// batch can queue two per timer per supervisor; this many per batch keeps a batch near a second.
const MAILS_PER_BATCH = 600;
const MIN_TIMERS_PER_BATCH = 10;
// Consecutive batches that recorded nothing and found nothing new in the way before a sweep gives up
// (a timer fulfilled between the read and the lock is simply gone; this only guards against a loop).
const MAX_IDLE_BATCHES = 3;

interface DueTimer {
  id: string;
  ticketId: string;
}

interface LockedTicket {
  id: string;
  number: number;
  priority: Priority;
  escalatedAt: Date | null;
  escalationReason: string | null;
}

interface ClaimedTimer {
  id: string;
  ticketId: string;
  stage: Stage;
  atRiskAt: Date;
  dueAt: Date;
}

interface BatchResult {
  candidates: number;
  atRisk: number;
  breached: number;
  busyTickets: string[];
}

/**
 * The open, running timers whose at-risk point or deadline has passed and is not yet recorded,
 * earliest first. Each half is a range scan of its index — ("fulfilledAt", "atRiskAt") and
 * ("fulfilledAt", "dueAt") — from the oldest open timer up to `now`, stopping at `limit` matches.
 * Exported for the EXPLAIN check.
 */
export function dueTimersQuery(now: Date, limit: number, excludeTickets: readonly string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT id, "ticketId" FROM (
      (SELECT id, "ticketId", "atRiskAt" AS moment FROM "SlaTimer"
        WHERE "fulfilledAt" IS NULL AND "atRiskAt" <= ${now} AND "atRiskRecordedAt" IS NULL AND "pausedAt" IS NULL
          AND NOT ("ticketId" = ANY(${excludeTickets}::uuid[]))
        ORDER BY "atRiskAt" LIMIT ${limit}::int)
      UNION ALL
      (SELECT id, "ticketId", "dueAt" AS moment FROM "SlaTimer"
        WHERE "fulfilledAt" IS NULL AND "dueAt" <= ${now} AND "breachedAt" IS NULL AND "pausedAt" IS NULL
          AND NOT ("ticketId" = ANY(${excludeTickets}::uuid[]))
        ORDER BY "dueAt" LIMIT ${limit}::int)
    ) due
    GROUP BY id, "ticketId"
    ORDER BY min(moment), id
    LIMIT ${limit}::int`;
}

async function lockTickets(tx: Prisma.TransactionClient, ticketIds: string[]): Promise<LockedTicket[]> {
  // Sorted so two sweeps never wait on each other in opposite orders (SKIP LOCKED never waits anyway).
  return tx.$queryRaw<LockedTicket[]>`
    SELECT id, number, priority::text AS priority, "escalatedAt", "escalationReason" FROM "Ticket"
    WHERE id = ANY(${ticketIds}::uuid[])
    ORDER BY id
    FOR UPDATE SKIP LOCKED`;
}

function claimAtRisk(tx: Prisma.TransactionClient, timerIds: string[], now: Date): Promise<ClaimedTimer[]> {
  // A timer first seen past its deadline is recorded at risk too (before its breach), so every
  // breached stage has its at-risk in the history, whatever its threshold.
  return tx.$queryRaw<ClaimedTimer[]>`
    UPDATE "SlaTimer" SET "atRiskRecordedAt" = ${now}
    WHERE id = ANY(${timerIds}::uuid[])
      AND "atRiskRecordedAt" IS NULL AND "fulfilledAt" IS NULL AND "pausedAt" IS NULL
      AND ("atRiskAt" <= ${now} OR "dueAt" <= ${now})
    RETURNING id, "ticketId", stage::text AS stage, "atRiskAt", "dueAt"`;
}

function claimBreach(tx: Prisma.TransactionClient, timerIds: string[], now: Date): Promise<ClaimedTimer[]> {
  return tx.$queryRaw<ClaimedTimer[]>`
    UPDATE "SlaTimer" SET "breachedAt" = ${now}
    WHERE id = ANY(${timerIds}::uuid[])
      AND "breachedAt" IS NULL AND "fulfilledAt" IS NULL AND "pausedAt" IS NULL
      AND "dueAt" <= ${now}
    RETURNING id, "ticketId", stage::text AS stage, "atRiskAt", "dueAt"`;
}

function asTransition(kind: SlaTransition["kind"], row: ClaimedTimer): SlaTransition {
  return { kind, timerId: row.id, ticketId: row.ticketId, stage: row.stage, atRiskAt: new Date(row.atRiskAt), dueAt: new Date(row.dueAt) };
}

function sameUpdate(a: BreachPolicyTicket, b: BreachPolicyTicket): boolean {
  return a.priority === b.priority && a.escalatedAt?.getTime() === b.escalatedAt?.getTime() && a.escalationReason === b.escalationReason;
}

// A catch-up batch writes thousands of notices: one statement, from one JSON parameter (the
// events go the same way, through appendTicketEvents).

async function insertNotifications(tx: Prisma.TransactionClient, notifications: StaffNotification[]): Promise<void> {
  if (notifications.length === 0) return;
  // The claim already makes each notice new; the unique key keeps it one even if it did not.
  await tx.$executeRaw`
    INSERT INTO "Notification" (id, "userId", kind, "ticketId", title, body, "dedupeKey", "createdAt")
    SELECT gen_random_uuid(), (n->>'userId')::uuid, n->>'kind', (n->>'ticketId')::uuid, n->>'title', n->>'body', n->>'dedupeKey', (n->>'createdAt')::timestamptz
    FROM jsonb_array_elements(${JSON.stringify(notifications)}::jsonb) AS x(n)
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}

async function sweepBatch(
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
      patch: { priority: data.priority, escalatedAt: data.escalatedAt, escalationReason: data.escalationReason },
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
    // One round trip or three per mail: this is what bounds a batch (see timersPerBatch).
    for (const notice of notices) await enqueueMail(tx, notice.mail);
  }
  return { candidates: due.length, atRisk: atRisk.length, breached: breached.length, busyTickets };
}

/**
 * How many timers one transaction takes: `batchSize`, fewer when each timer means many mails,
 * so that ticket locks are held for about a second even in a catch-up after downtime.
 */
export function timersPerBatch(batchSize: number, supervisors: number): number {
  const byMail = Math.floor(MAILS_PER_BATCH / (2 * Math.max(1, supervisors)));
  return Math.min(batchSize, Math.max(MIN_TIMERS_PER_BATCH, byMail));
}

/**
 * Records every at-risk point and deadline passed by `now` and not yet recorded, each once, in
 * batches of `batchSize` timers per transaction. After downtime it catches up on everything that
 * fell due meanwhile; events carry the real moment as well as `now`. Paused timers (waiting on the
 * customer) and fulfilled ones (finished stages, closed tickets) are not looked at. Throws when the
 * database fails; what was committed before stays committed.
 */
export async function sweepSla(now: Date = new Date(), options: SweepOptions = {}): Promise<SweepResult> {
  const client = options.db ?? appDb();
  const batchSize = options.batchSize ?? SLA_MONITOR_DEFAULTS.batchSize;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError("batchSize must be a positive integer");
  const calendar = await client.businessCalendar.findFirst({ where: { isDefault: true }, select: { timeZone: true } });
  const timeZone = calendar?.timeZone ?? FALLBACK_TIME_ZONE;
  // Only sizes the batches; each batch reads the supervisors it mails itself.
  const limit = timersPerBatch(batchSize, await client.user.count({ where: { role: "SUPERVISOR", active: true } }));

  const result: SweepResult = { atRisk: 0, breached: 0, batches: 0, deferred: 0 };
  const busy = new Set<string>();
  let idle = 0;
  while (!options.signal?.aborted) {
    const batch = await client.$transaction((tx) => sweepBatch(tx, now, limit, [...busy], timeZone), TRANSACTION);
    if (batch.candidates === 0) break;
    result.batches++;
    result.atRisk += batch.atRisk;
    result.breached += batch.breached;
    const newlyBusy = batch.busyTickets.filter((id) => !busy.has(id));
    for (const id of newlyBusy) busy.add(id);
    if (batch.atRisk + batch.breached === 0 && newlyBusy.length === 0) {
      if (++idle >= MAX_IDLE_BATCHES) break;
    } else {
      idle = 0;
    }
  }
  result.deferred = busy.size;
  return result;
}

export interface RunSlaMonitorOptions extends Omit<SweepOptions, "signal"> {
  /** Aborting it ends the loop after the batch in hand. */
  signal: AbortSignal;
  /** Between the end of one sweep and the start of the next. */
  intervalMs?: number;
  /** The sweep's `now`; tests move it. */
  clock?: () => Date;
  logger?: SlaMonitorLogger;
}

/**
 * Sweeps at once, then every `intervalMs` until `signal` aborts. Never rejects because of the
 * database: a failed sweep is logged and the next tick tries again (and catches up).
 */
export async function runSlaMonitor(options: RunSlaMonitorOptions): Promise<void> {
  const { signal, intervalMs = SLA_MONITOR_DEFAULTS.intervalMs, clock = () => new Date() } = options;
  const log = options.logger ?? consoleLogger("sla");
  let failures = 0;
  while (!signal.aborted) {
    try {
      const result = await sweepSla(clock(), { db: options.db, batchSize: options.batchSize, signal });
      if (failures > 0) log.info(`[sla] monitor working again after ${failures} failed sweep(s)`);
      failures = 0;
      if (result.atRisk + result.breached > 0) {
        log.info(`[sla] recorded ${result.atRisk} at-risk and ${result.breached} breach(es) in ${result.batches} batch(es)`);
      }
    } catch (error) {
      failures++;
      log.error(
        `[sla] sweep failed (${failures} in a row), will try again in ${intervalMs} ms:`,
        error instanceof Error ? error.message : error,
      );
    }
    try {
      await sleep(intervalMs, undefined, { signal, ref: false });
    } catch {
      // Aborted: the loop condition ends it.
    }
  }
}
