import "server-only";
import { DomainError } from "@/domain/errors";
import { formatReference } from "@/domain/reference";
import { stageClock } from "@/domain/sla";
import { summarise } from "@/domain/summary";
import type { Prisma } from "@/generated/prisma/client";
import type { Locale } from "@/i18n/locales";
import { db } from "@/server/db/prisma";
import { loadSlaPolicy, targetFor } from "@/server/policy/sla-policy";
import { isUniqueViolation } from "@/server/db/errors";
import { createTrackingToken, unsealTrackingToken } from "@/server/tracking-token";
import { customerMailContext } from "@/features/notifications/context";
import { receiptMail } from "@/features/notifications/customer-mail";
import { enqueueMail } from "@/server/mail/outbox";
import { storeAttachments, WITH_FILES } from "@/features/attachments/store";
import { appendTicketEvents } from "@/features/tickets/write";
import { filedTicketRow, STAFF_TICKET, STAFF_TICKET_COLUMNS, type StaffTicketRow } from "@/features/tickets/views";
import { loadFieldDefinitions, type StoredFieldDefinition } from "@/features/custom-fields/queries";
import { answersFor } from "@/lib/forms/custom-fields";
import { textFactsOf } from "./facts";
import type { ComplaintInput } from "./schemas";
import type { Channel } from "@/domain/regulation/clock";
import { startRegulatoryClock } from "@/features/regulation/clock";

export interface ComplaintReceipt {
  /** The ticket's id. */
  ticketId: string;
  reference: string;
  trackingToken: string;
  acknowledgeBy: Date;
  /** True when an earlier request with the same idempotency key had already filed it. */
  replayed: boolean;
  /**
   * The ticket as this filing wrote it, in the staff views' shape, so that the API answers without
   * reading it back. Absent on a replay: the ticket may have moved on since, and is read.
   */
  filed?: StaffTicketRow;
}

/**
 * What a complaint that did not come through the form brings (a mail): no desired outcome yet (the
 * LISTEN gate then asks for it), a category to be confirmed in triage, the Message-ID our answers
 * thread under, and work that must commit or roll back with the ticket (the mail's claim row).
 */
export interface ComplaintOrigin {
  /** How it reached us (the web form when unsaid): a regime may count a spoken complaint apart. */
  channel?: Channel;
  triage?: boolean;
  mailThreadId?: string;
  inTransaction?: (tx: Prisma.TransactionClient, ticketId: string) => Promise<void>;
  /** The custom fields the input was checked against (the form's and the API's schema read them); read again when not given. */
  fieldDefinitions?: readonly StoredFieldDefinition[];
}

/** A complaint as filed: the form's fields, where a mail may leave the desired outcome unsaid. */
export type FiledComplaint = Omit<ComplaintInput, "desiredOutcome"> & { desiredOutcome?: string };

/**
 * Records a complaint in one transaction: the customer, the ticket, the clock of its
 * first stage, the event that opens its history and the files sent with it. Either all of
 * it is stored or nothing (a refused file throws DomainError attachmentsRefused).
 *
 * With an idempotency key ("form:<submissionId>", "api:<tokenId>:<key>") a repeated request
 * returns the ticket the first one filed. The key is a unique column written with the ticket, so
 * of two racing requests PostgreSQL lets exactly one insert; the other's transaction fails on the
 * unique index (after waiting for the first to commit) and it then reads the winner's ticket.
 */
export async function fileComplaint(
  input: FiledComplaint,
  locale: Locale,
  now = new Date(),
  attachments: readonly File[] = [],
  idempotencyKey?: string,
  origin: ComplaintOrigin = {},
): Promise<ComplaintReceipt> {
  if (idempotencyKey) {
    const earlier = await receiptFor(idempotencyKey);
    if (earlier) return earlier;
  }
  try {
    return await fileOnce(input, locale, now, attachments, idempotencyKey, origin);
  } catch (error) {
    if (!idempotencyKey || !isUniqueViolation(error)) throw error;
    const earlier = await receiptFor(idempotencyKey);
    if (!earlier) throw error;
    return earlier;
  }
}

async function receiptFor(idempotencyKey: string): Promise<ComplaintReceipt | null> {
  const ticket = await db().ticket.findUnique({
    where: { idempotencyKey },
    select: { id: true, number: true, acknowledgeBy: true, trackingTokenSealed: true },
  });
  const token = ticket?.trackingTokenSealed ? unsealTrackingToken(ticket.trackingTokenSealed) : null;
  if (!ticket || !token) return null;
  return {
    ticketId: ticket.id,
    reference: formatReference(ticket.number),
    trackingToken: token,
    acknowledgeBy: ticket.acknowledgeBy,
    replayed: true,
  };
}

/**
 * The customer behind the address typed on the form. Anyone can type anyone's address, so an
 * existing customer's name, phone and language are never changed from here: what the form says
 * about the person stays on the complaint (contactName, contactPhone, its locale), and the record
 * changes only through staff. A new address starts a record with what was typed.
 */
function customerFor(tx: Prisma.TransactionClient, input: FiledComplaint, locale: Locale) {
  return tx.customer.upsert({
    where: { email: input.email },
    create: { email: input.email, name: input.name, phone: input.phone, locale },
    // Writes nothing new; a non-empty update keeps it one INSERT … ON CONFLICT, safe under races.
    update: { email: input.email },
    // The receipt goes to the record's address and name; the staff view shows the record too (RETURNING: no second read).
    select: STAFF_TICKET.customer.select,
  });
}

/**
 * The category a complaint is filed under: the one named, or for a complaint waiting on triage the
 * named one when it exists, else the first active one (an admin may have retired OTHER).
 */
async function categoryFor(tx: Prisma.TransactionClient, code: string, triage: boolean) {
  const select = { ...STAFF_TICKET.category.select, teamId: true, regime: true, paymentServices: true } as const;
  const named = await tx.category.findFirst({ where: { code, active: true }, select });
  if (named || !triage) return named;
  return tx.category.findFirst({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select });
}

async function fileOnce(
  input: FiledComplaint,
  locale: Locale,
  now: Date,
  attachments: readonly File[],
  idempotencyKey: string | undefined,
  origin: ComplaintOrigin,
): Promise<ComplaintReceipt> {
  const { token, hash, sealed } = createTrackingToken();
  const { created, filed } = await db().$transaction(
    async (tx) => {
      const category = await categoryFor(tx, input.category, origin.triage ?? false);
      if (!category) throw new DomainError("unknownCategory");
      const policy = await loadSlaPolicy(tx);
      const rule = targetFor(policy, category.code, "NORMAL", "NEW");
      const clock = stageClock(now, rule, policy.calendar);
      const channel = origin.channel ?? "WEB";
      // The regulatory clock, beside the stage's: the category's regime now, kept on the ticket.
      const regulatory = await startRegulatoryClock(tx, category.regime, channel, now, { paymentServices: category.paymentServices });

      const customer = await customerFor(tx, input, locale);
      // Only the chosen category's customer-facing answers are kept; the schema checked them.
      const definitions = origin.fieldDefinitions ?? (await loadFieldDefinitions(tx));
      const answers = answersFor(definitions, category.code, "customer", input.customFields ?? {});

      const created = await tx.ticket.create({
        data: {
          trackingTokenHash: hash,
          trackingTokenSealed: sealed,
          idempotencyKey,
          customerId: customer.id,
          contactName: input.name,
          contactPhone: input.phone,
          categoryId: category.id,
          teamId: category.teamId,
          priority: "NORMAL",
          stage: "NEW",
          locale,
          subject: summarise(input.narrative),
          narrative: input.narrative,
          ...textFactsOf<string | undefined>(input),
          purchaseDate: input.purchaseDate ? new Date(`${input.purchaseDate}T00:00:00Z`) : undefined,
          amount: input.amount,
          desiredOutcome: input.desiredOutcome,
          customerAsk: input.customerAsk,
          customFields: answers,
          needsTriage: origin.triage ?? false,
          mailThreadId: origin.mailThreadId,
          acknowledgeBy: clock.dueAt,
          channel,
          ...regulatory,
          stageDueAt: clock.dueAt,
          stageAtRiskAt: clock.atRiskAt,
          createdAt: now,
        },
        // Columns only: one INSERT … RETURNING (a nested write or relation here costs a read after it).
        select: STAFF_TICKET_COLUMNS,
      });
      const timer = await tx.slaTimer.create({
        data: {
          ticketId: created.id,
          stage: "NEW",
          startedAt: now,
          dueAt: clock.dueAt,
          atRiskAt: clock.atRiskAt,
          businessMinutes: clock.businessMinutes,
        },
        select: STAFF_TICKET.timers.select,
      });
      await appendTicketEvents(
        tx,
        { type: "CUSTOMER" },
        [
          {
            ticketId: created.id,
            type: "ticket.filed",
            after: {
              stage: "NEW",
              category: category.code,
              priority: "NORMAL",
              dueAt: clock.dueAt.toISOString(),
              channel,
              regime: category.regime,
              regulatoryDueAt: regulatory.regulatoryDueAt?.toISOString() ?? null,
            },
          },
        ],
        now,
      );
      await storeAttachments(tx, { ticketId: created.id, files: attachments, createdAt: now });
      await enqueueMail(tx, receiptMail(customerMailContext({ ...created, customer }), created.acknowledgeBy));
      await origin.inTransaction?.(tx, created.id);
      const { id, code, nameEn, nameId } = category;
      return { created, filed: filedTicketRow(created, { category: { id, code, nameEn, nameId }, customer, timer }) };
    },
    attachments.length ? WITH_FILES : undefined,
  );
  return {
    ticketId: created.id,
    reference: formatReference(created.number),
    trackingToken: token,
    acknowledgeBy: created.acknowledgeBy,
    replayed: false,
    filed,
  };
}
