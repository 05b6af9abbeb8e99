import "server-only";
import { DomainError } from "@/domain/errors";
import { formatReference, parseReference } from "@/domain/reference";
import { reopenReset } from "@/domain/reopen";
import type { Prisma } from "@/generated/prisma/client";
import { storeAttachments, WITH_FILES } from "@/features/attachments/store";
import { customerMailContext } from "@/features/notifications/context";
import { customerRepliedMail, linkMail } from "@/features/notifications/customer-mail";
import { noticeCustomerReplied } from "@/features/notifications/work-notices";
import { recomputeClock, startStageClock } from "@/features/protocol/clock";
import { loadTicket, protocolState, type LoadedTicket } from "@/features/tickets/protocol-view";
import { writeTicket, type TicketActor, type TicketEventInput, type TicketWrite } from "@/features/tickets/write";
import { appUrl } from "@/server/app-url";
import { db } from "@/server/db/prisma";
import { enqueueMail } from "@/server/mail/outbox";
import { loadSlaPolicy } from "@/server/policy/sla-policy";
import { createTrackingToken, hashTrackingToken, isWellFormedTrackingToken, unsealTrackingToken } from "@/server/tracking-token";

type Tx = Prisma.TransactionClient;

const CUSTOMER: TicketActor = { type: "CUSTOMER" };

/**
 * Runs a customer's change in one transaction, keyed by their tracking token, through the one
 * ticket write path. It moves the ticket's version on, so an agent working from an older view
 * gets a conflict, not a silent overwrite.
 */
async function asCustomer<R>(
  token: string,
  work: (tx: Tx, ticket: LoadedTicket) => Promise<TicketWrite<R>>,
  now: Date,
  transaction?: { maxWait?: number; timeout?: number },
): Promise<R> {
  if (!isWellFormedTrackingToken(token)) throw new DomainError("notFound", { of: "trackingLink" });
  return db().$transaction(async (tx) => {
    const row = await tx.ticket.findUnique({
      where: { trackingTokenHash: hashTrackingToken(token) },
      select: { id: true, mergedIntoId: true },
    });
    if (!row) throw new DomainError("notFound", { of: "trackingLink" });
    // A duplicate merged into another ticket takes no reply, rating or reopening: the survivor does.
    if (row.mergedIntoId) throw new DomainError("customerRefused", { code: "closed" });
    // The write takes the row lock before `work` reads it, which serialises this with any staff change.
    const target = { ticketId: row.id, where: { mergedIntoId: null } };
    const outcome = await writeTicket(tx, target, CUSTOMER, now, async () => work(tx, (await loadTicket(tx, row.id))!));
    if (!outcome.written) throw new DomainError("customerRefused", { code: "closed" });
    return outcome.result;
  }, transaction);
}

/**
 * The customer answers, with files if they like. The files are stored with the message in its
 * transaction: one refused file (DomainError attachmentsRefused) and nothing of the reply is kept.
 * A paused clock resumes, and the assignee hears of it. `inTransaction` is work that must commit or
 * roll back with the reply (a mailed reply's claim row).
 */
export function customerReply(
  token: string,
  body: string,
  now = new Date(),
  files: readonly File[] = [],
  inTransaction?: (tx: Tx, ticketId: string) => Promise<void>,
): Promise<{ ticketId: string; messageId: string; attachmentIds: string[] }> {
  return asCustomer(
    token,
    async (tx, ticket) => {
      const message = await tx.message.create({
        data: { ticketId: ticket.id, authorType: "CUSTOMER", visibility: "PUBLIC", body, createdAt: now },
        select: { id: true },
      });
      const stored = await storeAttachments(tx, { ticketId: ticket.id, messageId: message.id, files, createdAt: now });
      let patch = {};
      const events: TicketEventInput[] = [];
      if (ticket.waitingOnCustomer) {
        patch = await recomputeClock(tx, ticket, await loadSlaPolicy(tx), now, { resume: true });
        events.push({ type: "clock.resumed", after: { waitingOnCustomer: false } });
      }
      events.push({ type: "customer.replied", after: { messageId: message.id, attachments: stored.length } });
      await inTransaction?.(tx, ticket.id);
      await noticeCustomerReplied(tx, ticket, message.id, now);
      if (ticket.assigneeId) {
        const assignee = await tx.user.findUnique({
          where: { id: ticket.assigneeId },
          select: { email: true, locale: true, active: true },
        });
        const reference = formatReference(ticket.number);
        if (assignee?.active) {
          await enqueueMail(
            tx,
            customerRepliedMail(
              assignee,
              { reference, ticketId: ticket.id, customerName: ticket.customer.name },
              appUrl(`/agent/tickets/${reference}`),
            ),
          );
        }
      }
      return { patch, events, result: { ticketId: ticket.id, messageId: message.id, attachmentIds: stored.map((a) => a.id) } };
    },
    now,
    files.length ? WITH_FILES : undefined,
  );
}

export interface Rating {
  rating: number;
  wouldTrustAgain: boolean;
  comment?: string;
}

/** After closing: how the handling felt, once. */
export function rateHandling(token: string, rating: Rating, now = new Date()): Promise<void> {
  return asCustomer(
    token,
    async (tx, ticket) => {
      if (ticket.stage !== "CLOSED") throw new DomainError("customerRefused", { code: "notClosed" });
      if (ticket.ratedAt) throw new DomainError("customerRefused", { code: "alreadyRated" });
      return {
        patch: { rating: rating.rating, wouldTrustAgain: rating.wouldTrustAgain, ratingComment: rating.comment ?? null, ratedAt: now },
        events: [{ type: "customer.rated", after: { rating: rating.rating, wouldTrustAgain: rating.wouldTrustAgain } }],
        result: undefined,
      };
    },
    now,
  );
}

/** The customer disagrees with the answer: the complaint goes back to UNDERSTAND with a fresh clock. */
export function reopenByCustomer(token: string, reason: string, now = new Date()): Promise<void> {
  return asCustomer(
    token,
    async (tx, ticket) => {
      const reopening = reopenReset(protocolState(ticket));
      if (!reopening.ok) throw new DomainError("customerRefused", { code: "notClosed" });
      const { reset } = reopening;
      const clock = await startStageClock(tx, ticket, reset.stage, await loadSlaPolicy(tx), now);
      await tx.message.create({
        data: { ticketId: ticket.id, authorType: "CUSTOMER", visibility: "PUBLIC", body: reason, createdAt: now },
      });
      return {
        patch: { ...reset, ...clock },
        events: [{ type: "ticket.reopened", after: { stage: reset.stage, reason } }],
        result: undefined,
      };
    },
    now,
  );
}

/**
 * The lookup form: when the reference and email belong together, mail the link to that
 * address. The caller answers the same either way, so the form reveals nothing.
 */
export async function sendTrackingLink(reference: string, email: string): Promise<void> {
  const number = parseReference(reference);
  if (number === null) return;
  await db().$transaction(async (tx) => {
    const ticket = await tx.ticket.findUnique({
      where: { number },
      select: { id: true, number: true, locale: true, trackingTokenSealed: true, customer: { select: { email: true, name: true } } },
    });
    if (!ticket || ticket.customer.email !== email) return;
    let sealed = ticket.trackingTokenSealed;
    if (!sealed || !unsealTrackingToken(sealed)) {
      // Sealed under an earlier AUTH_SECRET: issue a new link (the old one stops working).
      const fresh = createTrackingToken();
      await tx.ticket.update({ where: { id: ticket.id }, data: { trackingTokenHash: fresh.hash, trackingTokenSealed: fresh.sealed } });
      sealed = fresh.sealed;
    }
    await enqueueMail(tx, linkMail(customerMailContext({ ...ticket, trackingTokenSealed: sealed })));
  });
}
