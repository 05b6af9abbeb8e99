import "server-only";
import type { z } from "zod";
import { nextStage } from "@/domain/protocol";
import { formatReference, parseReference } from "@/domain/reference";
import type { Locale } from "@/i18n/locales";
import type { Channel } from "@/domain/regulation/clock";
import { fileComplaint } from "@/features/complaints/file-complaint";
import type { ComplaintInput } from "@/features/complaints/schemas";
import type { Actor } from "@/features/protocol/change-ticket";
import { advance, reply } from "@/features/protocol/commands";
import { STAFF_TICKET, toApiView } from "@/features/tickets/views";
import { listQueue } from "@/features/queue/queries";
import type { QueueCursor } from "@/features/queue/cursor";
import type { QueueFilter } from "@/features/queue/schemas";
import { ApiProblem, notFound, refusalProblem } from "@/api/problem";
import { appUrl } from "@/server/app-url";
import type { StoredFieldDefinition } from "@/features/custom-fields/queries";
import { db } from "@/server/db/prisma";
import type { addMessageBody, createdTicketView, moveResultView, moveStageBody, ticketListView, ticketView } from "./schemas";

type TicketView = z.infer<typeof ticketView>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** One ticket as the API shows it, or null: a malformed reference and an unknown one look the same. */
export async function getTicketForApi(reference: string): Promise<TicketView | null> {
  const number = parseReference(reference);
  if (number === null) return null;
  const row = await db().ticket.findUnique({ where: { number }, select: STAFF_TICKET });
  return row && toApiView(row);
}

/** Files a ticket exactly as the public form does, once per idempotency key. */
export async function createTicketForApi(
  input: ComplaintInput & { locale: Locale; channel?: Channel },
  idempotencyKey: string | undefined,
  /** The custom fields the input was checked against. */
  fieldDefinitions?: readonly StoredFieldDefinition[],
): Promise<{ ticket: z.infer<typeof createdTicketView>; replayed: boolean }> {
  const { locale, channel = "API", ...complaint } = input;
  const receipt = await fileComplaint(complaint, locale, new Date(), [], idempotencyKey, { channel, fieldDefinitions });
  // A new ticket is answered from what its filing wrote; a replayed one is read, as it may have moved on.
  const ticket = receipt.filed ? toApiView(receipt.filed) : await getTicketForApi(receipt.reference);
  if (!ticket) throw new Error(`ticket ${receipt.reference} vanished after it was filed`);
  return { ticket: { ...ticket, trackingUrl: appUrl(`/track/${receipt.trackingToken}`) }, replayed: receipt.replayed };
}

export async function listTicketsForApi(
  actor: Actor,
  filter: QueueFilter,
  cursor: QueueCursor | null,
  pageSize: number | undefined,
): Promise<z.infer<typeof ticketListView>> {
  const page = await listQueue(actor.id, filter, { cursor, pageSize });
  return {
    data: page.rows.map((r) => ({
      reference: r.reference,
      subject: r.subject,
      customerName: r.customerName,
      stage: r.stage,
      priority: r.priority,
      waitingOnCustomer: r.waitingOnCustomer,
      stageDueAt: iso(r.dueAt),
      stageAtRiskAt: iso(r.atRiskAt),
      assigneeName: r.assigneeName,
    })),
    next: page.next,
    prev: page.prev,
  };
}

/** The ticket a reference names and the version to change it from (the caller's, when given). */
async function target(reference: string, version: number | undefined) {
  const number = parseReference(reference);
  const row =
    number === null ? null : await db().ticket.findUnique({ where: { number }, select: { id: true, version: true, stage: true } });
  if (!row) throw notFound();
  return { ticketId: row.id, version: version ?? row.version, stage: row.stage };
}

export async function addMessageForApi(reference: string, input: z.infer<typeof addMessageBody>, actor: Actor): Promise<TicketView> {
  const { ticketId, version } = await target(reference, input.version);
  await reply({ ticketId, version, body: input.body, visibility: input.visibility, waitForCustomer: input.waitForCustomer }, actor);
  return (await getTicketForApi(reference))!;
}

/** Moves to the next stage through the protocol's gates: the same command the workspace's button runs. */
export async function moveStageForApi(
  reference: string,
  input: z.infer<typeof moveStageBody>,
  actor: Actor,
): Promise<z.infer<typeof moveResultView>> {
  const { ticketId, version, stage } = await target(reference, input.version);
  const next = nextStage(stage);
  if (next === null) throw refusalProblem({ reason: "closed" });
  if (input.to !== next) {
    throw new ApiProblem("invalid-change", `The ticket is in ${stage}; it can only move to ${next}, one stage at a time.`, {
      code: "notNextStage",
      stage,
      nextStage: next,
    });
  }
  await advance({ ticketId, version }, actor);
  const after = await db().ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { number: true, stage: true, version: true } });
  return { reference: formatReference(after.number), stage: after.stage, version: after.version };
}
