import "server-only";
import { DomainError } from "@/domain/errors";
import type { Role } from "@/domain/roles";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db/prisma";
import { loadSlaPolicy, type SlaPolicy } from "@/server/policy/sla-policy";
import { loadTicket, protocolState, type LoadedTicket } from "./ticket-state";
import type { ProtocolState } from "@/domain/protocol";

export interface Actor {
  id: string;
  role: Role;
}

export interface TicketRef {
  ticketId: string;
  /** The version the actor saw; the change is refused if the ticket has moved on since. */
  version: number;
}

export interface TicketEventInput {
  type: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

export interface PlannedChange<R> {
  patch: Prisma.TicketUncheckedUpdateInput;
  events: TicketEventInput[];
  result: R;
}

export interface ChangeContext {
  tx: Prisma.TransactionClient;
  ticket: LoadedTicket;
  state: ProtocolState;
  policy: SlaPolicy;
  now: Date;
}

/**
 * The one way a ticket changes: in a single transaction, claim the version the actor saw
 * (a conditional update, so of two concurrent changes exactly one proceeds and the other
 * gets a conflict), let `plan` consult the domain and write what goes with the change
 * (messages, timers, approvals), then apply the ticket's new columns and append its events.
 */
export async function changeTicket<R>(
  ref: TicketRef,
  actor: Actor,
  now: Date,
  plan: (ctx: ChangeContext) => Promise<PlannedChange<R>>,
  /** Prisma's transaction options, for a change that writes files (WITH_FILES). */
  transaction?: { maxWait?: number; timeout?: number },
): Promise<R> {
  return db().$transaction(async (tx) => {
    const ticket = await loadTicket(tx, ref.ticketId);
    if (!ticket) throw new DomainError("notFound", { of: "ticket" });
    const { count } = await tx.ticket.updateMany({
      where: { id: ref.ticketId, version: ref.version },
      data: { version: { increment: 1 } },
    });
    if (count === 0) throw new DomainError("conflict");
    const policy = await loadSlaPolicy(tx);
    const change = await plan({ tx, ticket, state: protocolState(ticket), policy, now });
    if (Object.keys(change.patch).length) await tx.ticket.update({ where: { id: ticket.id }, data: change.patch });
    if (change.events.length) {
      await tx.ticketEvent.createMany({
        data: change.events.map((e) => ({
          ticketId: ticket.id,
          actorType: "STAFF" as const,
          actorId: actor.id,
          type: e.type,
          before: e.before,
          after: e.after,
          createdAt: now,
        })),
      });
    }
    return change.result;
  }, transaction);
}
