import "server-only";
import { DomainError } from "@/domain/errors";
import type { Role } from "@/domain/roles";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db/prisma";
import { loadSlaPolicy, type SlaPolicy } from "@/server/policy/sla-policy";
import { writeTicket, type TicketWrite } from "@/features/tickets/write";
import { loadTicket, protocolState, type LoadedTicket } from "@/features/tickets/protocol-view";
import type { ProtocolState } from "@/domain/protocol";

export interface Actor {
  id: string;
  role: Role;
}

export interface TicketRef {
  ticketId: string;
  /** The version the actor saw; the change is refused if the ticket has moved on since. */
  version: number;
  /**
   * A transaction already open, for several commands that stand or fall together (a macro): the
   * command runs in it instead of opening its own.
   */
  tx?: Prisma.TransactionClient;
}

export interface ChangeContext {
  tx: Prisma.TransactionClient;
  ticket: LoadedTicket;
  state: ProtocolState;
  policy: SlaPolicy;
  now: Date;
}

/**
 * A staff member's change, in a single transaction through the one ticket write path: claim the
 * version the actor saw (of two concurrent changes exactly one proceeds and the other gets a
 * conflict), let `plan` consult the domain and write what goes with the change (messages,
 * timers, approvals), then apply the ticket's new columns and append its events.
 */
export async function changeTicket<R>(
  ref: TicketRef,
  actor: Actor,
  now: Date,
  plan: (ctx: ChangeContext) => Promise<TicketWrite<R>>,
  /** Prisma's transaction options, for a change that writes files (WITH_FILES). */
  transaction?: { maxWait?: number; timeout?: number },
): Promise<R> {
  const run = async (tx: Prisma.TransactionClient) => {
    const target = { ticketId: ref.ticketId, version: ref.version };
    const outcome = await writeTicket(tx, target, { type: "STAFF", id: actor.id }, now, async () => {
      const ticket = (await loadTicket(tx, ref.ticketId))!;
      // A duplicate merged into another ticket is over: its work goes on in the survivor.
      if (ticket.mergedIntoId) throw new DomainError("invalidChange", { code: "merged" });
      const policy = await loadSlaPolicy(tx);
      return plan({ tx, ticket, state: protocolState(ticket), policy, now });
    });
    if (outcome.written) return outcome.result;
    if (await tx.ticket.count({ where: { id: ref.ticketId } })) throw new DomainError("conflict");
    throw new DomainError("notFound", { of: "ticket" });
  };
  return ref.tx ? run(ref.tx) : db().$transaction(run, transaction);
}
