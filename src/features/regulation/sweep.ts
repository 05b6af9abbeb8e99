import "server-only";
import { formatReference } from "@/domain/reference";
import { SHIPPED_CALENDARS } from "@/domain/regulation/calendars";
import { REGIMES, type RegimeCode } from "@/domain/regulation/regimes";
import { Prisma } from "@/generated/prisma/client";
import { regulatoryNotice, type NoticeRecipient } from "@/features/notifications/staff-notices";
import { insertNotifications } from "@/features/sla/sweep-batch";
import { appendTicketEvents, type TicketEventRow } from "@/features/tickets/write";
import { appUrl } from "@/server/app-url";
import { enqueueMail } from "@/server/mail/outbox";

// The regulatory half of the SLA monitor's sweep (src/features/sla/monitor.ts), the same way:
// read the running clocks whose warning point or deadline has passed (partial indexes of the
// regulatory_clock migration), lock their tickets FOR UPDATE SKIP LOCKED, claim each moment with a
// conditional update (`… IS NULL … RETURNING`: of concurrent sweeps exactly one gets a row back),
// and in the same transaction write the events and tell the supervisors and the assignee.

type Tx = Prisma.TransactionClient;

interface Claimed {
  id: string;
  number: number;
  regime: RegimeCode;
  regulatoryDueAt: Date;
  assigneeId: string | null;
}

export interface RegulatoryBatchResult {
  candidates: number;
  warned: number;
  breached: number;
  busyTickets: string[];
}

const RUNNING = Prisma.sql`"regulatoryPausedAt" IS NULL AND stage <> 'CLOSED'`;

export async function sweepRegulatoryBatch(tx: Tx, now: Date, limit: number, busy: readonly string[]): Promise<RegulatoryBatchResult> {
  const due = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM (
      (SELECT id, "regulatoryWarnAt" AS moment FROM "Ticket"
        WHERE "regulatoryWarnedAt" IS NULL AND ${RUNNING} AND "regulatoryWarnAt" <= ${now}
          AND NOT (id = ANY(${busy}::uuid[]))
        ORDER BY "regulatoryWarnAt" LIMIT ${limit}::int)
      UNION ALL
      (SELECT id, "regulatoryDueAt" AS moment FROM "Ticket"
        WHERE "regulatoryBreachedAt" IS NULL AND ${RUNNING} AND "regulatoryDueAt" <= ${now}
          AND NOT (id = ANY(${busy}::uuid[]))
        ORDER BY "regulatoryDueAt" LIMIT ${limit}::int)
    ) due
    GROUP BY id ORDER BY min(moment), id LIMIT ${limit}::int`;
  if (due.length === 0) return { candidates: 0, warned: 0, breached: 0, busyTickets: [] };
  const wanted = due.map((d) => d.id);
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Ticket" WHERE id = ANY(${wanted}::uuid[]) ORDER BY id FOR UPDATE SKIP LOCKED`;
  const ids = locked.map((l) => l.id);
  const busyTickets = wanted.filter((id) => !ids.includes(id));
  if (ids.length === 0) return { candidates: due.length, warned: 0, breached: 0, busyTickets };

  // A clock first seen past its deadline is warned too (before its breach), as the stage clocks are.
  const warned = await tx.$queryRaw<Claimed[]>`
    UPDATE "Ticket" SET "regulatoryWarnedAt" = ${now}
    WHERE id = ANY(${ids}::uuid[]) AND "regulatoryWarnedAt" IS NULL AND ${RUNNING}
      AND ("regulatoryWarnAt" <= ${now} OR "regulatoryDueAt" <= ${now})
    RETURNING id, number, regime::text AS regime, "regulatoryDueAt", "assigneeId"`;
  const breached = await tx.$queryRaw<Claimed[]>`
    UPDATE "Ticket" SET "regulatoryBreachedAt" = ${now}
    WHERE id = ANY(${ids}::uuid[]) AND "regulatoryBreachedAt" IS NULL AND ${RUNNING} AND "regulatoryDueAt" <= ${now}
    RETURNING id, number, regime::text AS regime, "regulatoryDueAt", "assigneeId"`;
  if (warned.length + breached.length === 0) return { candidates: due.length, warned: 0, breached: 0, busyTickets };

  const moments = [
    ...warned.map((t) => ({ kind: "regulatory.warned" as const, t })),
    ...breached.map((t) => ({ kind: "regulatory.breached" as const, t })),
  ];
  const events: TicketEventRow[] = moments.map(({ kind, t }) => ({
    ticketId: t.id,
    type: kind,
    after: { regime: t.regime, dueAt: new Date(t.regulatoryDueAt).toISOString(), detectedAt: now.toISOString() },
  }));
  await appendTicketEvents(tx, { type: "SYSTEM" }, events, now);

  const supervisors: NoticeRecipient[] = await tx.user.findMany({
    where: { role: "SUPERVISOR", active: true },
    select: { id: true, email: true, locale: true },
    orderBy: { email: "asc" },
  });
  const assigneeIds = [...new Set(moments.map((m) => m.t.assigneeId).filter((id): id is string => id !== null))];
  const assignees = new Map(
    (await tx.user.findMany({ where: { id: { in: assigneeIds }, active: true }, select: { id: true, email: true, locale: true } })).map(
      (u) => [u.id, u],
    ),
  );
  const notices = moments.flatMap(({ kind, t }) => {
    const regime = REGIMES[t.regime];
    const reference = formatReference(t.number);
    const readers = [...supervisors];
    const assignee = t.assigneeId ? assignees.get(t.assigneeId) : undefined;
    if (assignee && !readers.some((r) => r.id === assignee.id)) readers.push(assignee);
    return readers.map((to) =>
      regulatoryNotice(
        {
          kind,
          ticketId: t.id,
          reference,
          regime: t.regime,
          dueAt: new Date(t.regulatoryDueAt),
          detectedAt: now,
          timeZone: regime.calendar ? SHIPPED_CALENDARS[regime.calendar].timeZone : "Asia/Jakarta",
          url: appUrl(`/agent/tickets/${reference}`),
        },
        to,
      ),
    );
  });
  await insertNotifications(
    tx,
    notices.map((n) => n.notification),
  );
  for (const notice of notices) await enqueueMail(tx, notice.mail);
  return { candidates: due.length, warned: warned.length, breached: breached.length, busyTickets };
}
