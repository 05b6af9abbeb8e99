import "server-only";
import { DomainError } from "@/domain/errors";
import { changeTicket, type Actor, type TicketRef } from "@/features/protocol/change-ticket";
import type { ExternalDecisionInput, ExternalEscalationInput, OutcomeInput } from "./schemas";

type Fields<T> = Omit<T, "ticketId" | "version">;

// A date as a form gives it (YYYY-MM-DD) is a day, stored at midnight UTC (a DATE column).
const day = (d: string) => new Date(`${d}T00:00:00Z`);

/**
 * Records the complaint's outcome and, optionally, a redress (or goodwill) row, in the resolve and
 * apologise stages, with their events, in one transaction at the version the agent saw.
 */
export function recordOutcome(ref: TicketRef, input: Fields<OutcomeInput>, actor: Actor, now = new Date()) {
  return changeTicket(ref, actor, now, async ({ tx, ticket }) => {
    if (ticket.stage !== "RESOLVE" && ticket.stage !== "APOLOGISE") throw new DomainError("regulatedRefused", { code: "outcomeStage" });
    const events = [];
    const patch: { outcome?: OutcomeInput["outcome"] } = {};
    if (input.outcome) {
      const { outcome: before } = await tx.ticket.findUniqueOrThrow({ where: { id: ref.ticketId }, select: { outcome: true } });
      if (before !== input.outcome) {
        patch.outcome = input.outcome;
        events.push({ type: "outcome.recorded", before: { outcome: before }, after: { outcome: input.outcome } });
      }
    }
    if (input.redressKind) {
      const row = await tx.redress.create({
        data: {
          ticketId: ref.ticketId,
          kind: input.redressKind,
          goodwill: input.goodwill,
          amount: input.amount ?? null,
          currency: input.currency ?? (await currencyOf(tx, ref.ticketId)),
          paidAt: input.paidAt ? day(input.paidAt) : null,
          note: input.note ?? null,
          createdById: actor.id,
        },
        select: { id: true, currency: true },
      });
      events.push({
        type: "redress.recorded",
        after: {
          redressId: row.id,
          kind: input.redressKind,
          goodwill: input.goodwill,
          amount: input.amount ?? null,
          currency: row.currency,
          paidAt: input.paidAt ?? null,
          note: input.note ?? null,
        },
      });
    }
    return { patch, events, result: undefined };
  });
}

async function currencyOf(tx: Parameters<Parameters<typeof changeTicket>[3]>[0]["tx"], ticketId: string) {
  return (await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { currency: true } })).currency;
}

/** The customer took the complaint to LAPS SJK, OJK, BI, the FOS or AFCA: recorded at any stage, closed included. */
export function recordExternalEscalation(ref: TicketRef, input: Fields<ExternalEscalationInput>, actor: Actor, now = new Date()) {
  return changeTicket(ref, actor, now, async ({ tx }) => {
    if (input.decidedAt && input.decidedAt < input.referredAt) throw new DomainError("regulatedRefused", { code: "decidedBeforeReferred" });
    const row = await tx.externalEscalation.create({
      data: {
        ticketId: ref.ticketId,
        body: input.body,
        reference: input.reference ?? null,
        referredAt: day(input.referredAt),
        decidedAt: input.decidedAt ? day(input.decidedAt) : null,
        outcome: input.outcome ?? null,
        note: input.note ?? null,
        createdById: actor.id,
      },
      select: { id: true },
    });
    const events: { type: string; after: Record<string, string | null> }[] = [
      {
        type: "external.recorded",
        after: { escalationId: row.id, body: input.body, reference: input.reference ?? null, referredAt: input.referredAt },
      },
    ];
    if (input.decidedAt)
      events.push({
        type: "external.decided",
        after: { escalationId: row.id, body: input.body, decidedAt: input.decidedAt, note: input.outcome ?? "" },
      });
    return { patch: {}, events, result: { escalationId: row.id } };
  });
}

/** The outside body's decision, recorded once. */
export function decideExternalEscalation(ref: TicketRef, input: Fields<ExternalDecisionInput>, actor: Actor, now = new Date()) {
  return changeTicket(ref, actor, now, async ({ tx }) => {
    const found = await tx.externalEscalation.findFirst({
      where: { id: input.escalationId, ticketId: ref.ticketId },
      select: { body: true, referredAt: true, decidedAt: true },
    });
    if (!found) throw new DomainError("regulatedRefused", { code: "externalNotFound" });
    if (found.decidedAt) throw new DomainError("regulatedRefused", { code: "externalDecided" });
    if (day(input.decidedAt) < found.referredAt) throw new DomainError("regulatedRefused", { code: "decidedBeforeReferred" });
    // Only while still undecided, so two decisions racing leave the first.
    const { count } = await tx.externalEscalation.updateMany({
      where: { id: input.escalationId, decidedAt: null },
      data: { decidedAt: day(input.decidedAt), outcome: input.outcome },
    });
    if (count === 0) throw new DomainError("regulatedRefused", { code: "externalDecided" });
    return {
      patch: {},
      events: [
        {
          type: "external.decided",
          after: { escalationId: input.escalationId, body: found.body, decidedAt: input.decidedAt, note: input.outcome },
        },
      ],
      result: undefined,
    };
  });
}
