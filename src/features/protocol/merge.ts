import "server-only";
import { DomainError } from "@/domain/errors";
import { formatReference } from "@/domain/reference";
import { roleAtLeast } from "@/domain/roles";
import type { Prisma } from "@/generated/prisma/client";
import { customerMailContext } from "@/features/notifications/context";
import { mergedMail } from "@/features/notifications/customer-mail";
import { loadTicket, type LoadedTicket } from "@/features/tickets/protocol-view";
import { writeTicket } from "@/features/tickets/write";
import { db } from "@/server/db/prisma";
import { enqueueMail } from "@/server/mail/outbox";
import { loadSlaPolicy } from "@/server/policy/sla-policy";
import type { Actor, TicketRef } from "./change-ticket";
import { startStageClock } from "./clock";

type Tx = Prisma.TransactionClient;

export interface MergeInput {
  /** The ticket that carries on, at the version the agent's workspace showed. */
  survivor: TicketRef;
  /** The duplicate, and the version the agent saw when it was offered (absent when typed by reference). */
  duplicate: { ticketId: string; version?: number };
}

export interface MergeOutcome {
  survivor: string;
  duplicate: string;
  messages: number;
  attachments: number;
}

async function loadBoth(tx: Tx, input: MergeInput) {
  const [survivor, duplicate] = await Promise.all([loadTicket(tx, input.survivor.ticketId), loadTicket(tx, input.duplicate.ticketId)]);
  if (!survivor || !duplicate) throw new DomainError("notFound", { of: "ticket" });
  const owners = await tx.ticket.findMany({ where: { id: { in: [survivor.id, duplicate.id] } }, select: { id: true, customerId: true } });
  const customerOf = new Map(owners.map((o) => [o.id, o.customerId]));
  return { survivor, duplicate, sameCustomer: customerOf.get(survivor.id) === customerOf.get(duplicate.id) };
}

function check(survivor: LoadedTicket, duplicate: LoadedTicket, sameCustomer: boolean, actor: Actor) {
  if (survivor.id === duplicate.id) throw new DomainError("invalidChange", { code: "mergeSelf" });
  if (survivor.mergedIntoId || duplicate.mergedIntoId) throw new DomainError("invalidChange", { code: "merged" });
  if (survivor.stage === "CLOSED" || duplicate.stage === "CLOSED") throw new DomainError("invalidChange", { code: "mergeClosed" });
  // Another customer's complaint joins a conversation its customer cannot see: a supervisor's judgement.
  if (!sameCustomer && !roleAtLeast(actor.role, "SUPERVISOR")) throw new DomainError("invalidChange", { code: "mergeOtherCustomer" });
  // A request for money waits on a supervisor's decision about this very ticket: decide it first.
  if (duplicate.approvals[0]?.status === "PENDING") throw new DomainError("invalidChange", { code: "mergePendingApproval" });
}

/**
 * Merges a duplicate complaint into the ticket that carries on, in one transaction: both rows are
 * claimed at the versions the agent saw (in a fixed order, so two crossing merges cannot deadlock),
 * the duplicate's messages and files move to the survivor, its running SLA timer stops and it
 * closes pointing to the survivor. Its events stay where they were written (the history is
 * append-only); the survivor's workspace reads them through the link. Each ticket gets an event,
 * the change an audit row, and the duplicate's customer a mail in their language.
 */
export function mergeTickets(input: MergeInput, actor: Actor, now = new Date()): Promise<MergeOutcome> {
  return db().$transaction(async (tx) => {
    const seen = await loadBoth(tx, input);
    check(seen.survivor, seen.duplicate, seen.sameCustomer, actor);
    const survivorRef = formatReference(seen.survivor.number);
    const duplicateRef = formatReference(seen.duplicate.number);
    const staff = { type: "STAFF", id: actor.id } as const;

    // The version the agent saw, or for a duplicate typed by reference the one just read: whatever
    // changed since the check above is a conflict, not something merged unseen.
    const claims = [
      { ticketId: seen.survivor.id, version: input.survivor.version, survivor: true },
      { ticketId: seen.duplicate.id, version: input.duplicate.version ?? seen.duplicate.version, survivor: false },
    ].sort((a, b) => a.ticketId.localeCompare(b.ticketId));

    const policy = await loadSlaPolicy(tx);
    for (const claim of claims) {
      const outcome = await writeTicket(tx, claim, staff, now, async () => {
        if (claim.survivor) {
          return {
            patch: {},
            events: [{ type: "ticket.merged", after: { from: duplicateRef, sameCustomer: seen.sameCustomer } }],
            result: null,
          };
        }
        // Stops the running clock as closing does; the ticket keeps the rest of its record.
        const clock = await startStageClock(tx, (await loadTicket(tx, claim.ticketId))!, "CLOSED", policy, now);
        return {
          patch: { ...clock, stage: "CLOSED", closedAt: now, mergedIntoId: seen.survivor.id },
          events: [{ type: "ticket.mergedInto", before: { stage: seen.duplicate.stage }, after: { stage: "CLOSED", into: survivorRef } }],
          result: null,
        };
      });
      if (!outcome.written) throw new DomainError("conflict");
    }

    const messages = await tx.message.updateMany({ where: { ticketId: seen.duplicate.id }, data: { ticketId: seen.survivor.id } });
    const attachments = await tx.attachment.updateMany({ where: { ticketId: seen.duplicate.id }, data: { ticketId: seen.survivor.id } });
    // The search document is rebuilt from the ticket's text and messages when its subject is written:
    // the survivor now answers to the moved messages' words, the duplicate no longer does.
    await tx.$executeRaw`UPDATE "Ticket" SET "subject" = "subject" WHERE "id" IN (${seen.survivor.id}::uuid, ${seen.duplicate.id}::uuid)`;

    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        entity: "Ticket",
        entityId: seen.survivor.id,
        action: "ticket.merged",
        before: { survivor: survivorRef, duplicate: duplicateRef, duplicateStage: seen.duplicate.stage },
        after: {
          survivor: survivorRef,
          closed: duplicateRef,
          sameCustomer: seen.sameCustomer,
          messages: messages.count,
          attachments: attachments.count,
        },
      },
    });
    await enqueueMail(tx, mergedMail(customerMailContext(seen.duplicate), { survivor: survivorRef, sameCustomer: seen.sameCustomer }));
    return { survivor: survivorRef, duplicate: duplicateRef, messages: messages.count, attachments: attachments.count };
  });
}
