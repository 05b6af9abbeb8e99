import "server-only";
import type { CustomerAsk } from "@/domain/customer-ask";
import { unmetGates } from "@/domain/protocol";
import type { RootCause } from "@/domain/protocol";
import { formatReference } from "@/domain/reference";
import { median } from "@/domain/resolution-proposal";
import type { Stage } from "@/domain/stages";
import type { Prisma } from "@/generated/prisma/client";
import { describeAnswers, type CustomFieldDefinition, type DescribedAnswer } from "@/domain/custom-fields";
import type { Locale } from "@/i18n/locales";
import { TEXT_FACTS_SELECT, textFactsOf, type TextFacts } from "@/features/complaints/facts";
import { answersOf } from "@/features/custom-fields/queries";
import { PROTOCOL_FIELDS, protocolState } from "./protocol-view";
import { regulatoryClockView, type RegulatoryClockView } from "@/features/regulation/view";

// Every view of a ticket, for every audience, in one place: the selects and the mappings.
// A new free-text answer on the complaint form is only its name in COMPLAINT_TEXT_FACTS
// (features/complaints/schemas.ts); any other field is one edit in a select and one in each
// mapping that should show it.
//
//   PROTOCOL_FIELDS  what the protocol needs to judge a move; loaded by every write (./protocol-view.ts)
//   COMPLAINT_FIELDS what the customer told us; every audience may see these
//   STAFF_TICKET     the two together with staff-only fields: the API's view (toApiView)
//   workspaceSelect  STAFF_TICKET with the history and the customer's account: the agent's workspace
//   CUSTOMER_TICKET  COMPLAINT_FIELDS and public messages only: the tracking page (toTrackingView)
//   APPROVAL_TICKET  what a supervisor weighs before approving a resolution (toApprovalView)
//
// Custom-field answers (Ticket.customFields) hold internal answers too: staff views carry them
// whole; the tracking view keeps only the customer-facing ones, through the definitions.

/** Only what the customer told us and where their complaint stands: never a staff-only column. */
const COMPLAINT_FIELDS = {
  number: true,
  stage: true,
  waitingOnCustomer: true,
  locale: true,
  narrative: true,
  desiredOutcome: true,
  customerAsk: true,
  ...TEXT_FACTS_SELECT,
  purchaseDate: true,
  amount: true,
  currency: true,
  createdAt: true,
  acknowledgeBy: true,
  stageDueAt: true,
} satisfies Prisma.TicketSelect;

export const STAFF_TICKET = {
  ...PROTOCOL_FIELDS,
  ...COMPLAINT_FIELDS,
  subject: true,
  teamId: true,
  stageAtRiskAt: true,
  closedAt: true,
  escalationReason: true,
  settlementDecision: true,
  settlementNote: true,
  settledBy: { select: { name: true } },
  resolutionNote: true,
  preventiveAction: true,
  rating: true,
  wouldTrustAgain: true,
  ratingComment: true,
  category: { select: { id: true, code: true, nameEn: true, nameId: true } },
  assignee: { select: { name: true } },
  resolutionOption: { select: { kind: true, labelEn: true, labelId: true } },
  // What the form said about the person, kept apart from the customer's record (a stranger may type anyone's address).
  contactName: true,
  contactPhone: true,
  customFields: true,
  customer: { select: { id: true, name: true, email: true, phone: true } },
  messages: {
    orderBy: { createdAt: "asc" },
    select: { id: true, authorType: true, visibility: true, body: true, createdAt: true, author: { select: { name: true } } },
  },
} satisfies Prisma.TicketSelect;

export const CUSTOMER_TICKET = {
  ...COMPLAINT_FIELDS,
  rating: true,
  wouldTrustAgain: true,
  // The outcome as the customer was told it; never resolutionNote, which is the agent's internal reasoning.
  closedAt: true,
  apologySentAt: true,
  resolutionAmount: true,
  resolutionOption: { select: { labelEn: true, labelId: true } },
  category: { select: { nameEn: true, nameId: true } },
  // The regulatory deadline the business must answer by (issue 16): the customer is owed it.
  regime: true,
  regulatoryDueAt: true,
  regulatoryPausedAt: true,
  regulatoryBreachedAt: true,
  // Filtered to the customer-facing answers in toTrackingView.
  customFields: true,
  messages: {
    where: { visibility: "PUBLIC" },
    orderBy: { createdAt: "asc" },
    select: { id: true, authorType: true, body: true, createdAt: true },
  },
} satisfies Prisma.TicketSelect;

// --- Staff: the API ------------------------------------------------------------------------

export type StaffTicketRow = Prisma.TicketGetPayload<{ select: typeof STAFF_TICKET }>;

/** STAFF_TICKET's own columns, without its relations: what one INSERT … RETURNING gives back. */
export const STAFF_TICKET_COLUMNS = Object.fromEntries(Object.entries(STAFF_TICKET).filter(([, v]) => v === true)) as {
  [K in keyof typeof STAFF_TICKET as (typeof STAFF_TICKET)[K] extends true ? K : never]: true;
};

/**
 * The STAFF_TICKET row of a complaint just filed, from what filing wrote (the ticket's columns as
 * the insert returned them, its category, customer and first clock) rather than read back: a new
 * complaint has no assignee, message, approval, resolution or settlement yet.
 */
export function filedTicketRow(
  columns: Prisma.TicketGetPayload<{ select: typeof STAFF_TICKET_COLUMNS }>,
  filed: Pick<StaffTicketRow, "category" | "customer"> & { timer: StaffTicketRow["timers"][number] },
): StaffTicketRow {
  return {
    ...columns,
    category: filed.category,
    customer: filed.customer,
    timers: [filed.timer],
    assignee: null,
    settledBy: null,
    resolutionOption: null,
    approvals: [],
    messages: [],
    _count: { messages: 0 },
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The ticket as the HTTP API shows it (the shape of api/schemas.ts's ticketView). */
export function toApiView(row: StaffTicketRow) {
  return {
    reference: formatReference(row.number),
    version: row.version,
    stage: row.stage,
    priority: row.priority,
    category: row.category.code,
    locale: row.locale,
    subject: row.subject,
    narrative: row.narrative,
    desiredOutcome: row.desiredOutcome,
    customerAsk: row.customerAsk,
    ...textFactsOf(row),
    purchaseDate: row.purchaseDate ? row.purchaseDate.toISOString().slice(0, 10) : null,
    amount: row.amount ? row.amount.toFixed(2) : null,
    currency: row.currency,
    customFields: answersOf(row.customFields),
    customer: { name: row.customer.name, email: row.customer.email },
    assignee: row.assignee,
    waitingOnCustomer: row.waitingOnCustomer,
    acknowledgeBy: row.acknowledgeBy.toISOString(),
    stageDueAt: iso(row.stageDueAt),
    stageAtRiskAt: iso(row.stageAtRiskAt),
    createdAt: row.createdAt.toISOString(),
    closedAt: iso(row.closedAt),
    unmetGates: unmetGates(protocolState(row)),
    messages: row.messages.map((m) => ({
      id: m.id,
      author: m.authorType,
      authorName: m.author?.name ?? null,
      visibility: m.visibility,
      body: m.body,
      createdAt: m.createdAt.toISOString(),
    })),
  };
}

// --- Staff: the agent's workspace ------------------------------------------------------------

const WORKSPACE_EVENT = { id: true, type: true, createdAt: true, after: true, actorId: true } satisfies Prisma.TicketEventSelect;

/** The staff view with the ticket's history, its recent approvals and the customer's other tickets. */
export function workspaceSelect(number: number) {
  return {
    ...STAFF_TICKET,
    customer: {
      select: {
        ...STAFF_TICKET.customer.select,
        vulnerabilities: {
          where: { removedAt: null },
          orderBy: { createdAt: "asc" },
          select: { id: true, driver: true, note: true, createdAt: true },
        },
        tickets: {
          where: { number: { not: number } },
          orderBy: { createdAt: "desc" },
          take: 10,
          select: { number: true, subject: true, stage: true },
        },
      },
    },
    events: { orderBy: { id: "asc" }, select: WORKSPACE_EVENT },
    // A merged duplicate's history stays on its own row (events are append-only) and is read here.
    merged: { select: { events: { orderBy: { id: "asc" }, select: WORKSPACE_EVENT } } },
    approvals: {
      where: { subject: "RESOLUTION" },
      orderBy: { createdAt: "desc" },
      take: 5,
      select: {
        id: true,
        optionId: true,
        status: true,
        amount: true,
        reason: true,
        createdAt: true,
        requestedBy: { select: { name: true } },
        decidedBy: { select: { name: true } },
        option: { select: { labelEn: true, labelId: true } },
      },
    },
  } satisfies Prisma.TicketSelect;
}

type WorkspaceRow = Prisma.TicketGetPayload<{ select: ReturnType<typeof workspaceSelect> }>;

/**
 * The ticket as the agent works it, in plain values for client components: the protocol's
 * bookkeeping (running timer, counts, the sealed tracking token) stays on the server.
 */
export function toWorkspaceView(row: WorkspaceRow, staffNames: ReadonlyMap<string, string>) {
  const state = protocolState(row);
  const { timers: _timers, _count, trackingTokenSealed: _sealed, ratedAt: _ratedAt, merged, ...shown } = row;
  // Event ids follow the order they were written in, across tickets.
  const events = [...row.events, ...merged.flatMap((m) => m.events)].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    ...shown,
    reference: formatReference(row.number),
    customFields: answersOf(row.customFields),
    amount: row.amount?.toString() ?? null,
    resolutionAmount: row.resolutionAmount?.toString() ?? null,
    approvals: row.approvals.map((a) => ({ ...a, amount: a.amount.toString() })),
    approval: state.approval,
    acknowledged: state.acknowledged,
    unmetGates: unmetGates(state),
    events: events.map((e) => ({ ...e, id: e.id.toString(), actorName: e.actorId ? (staffNames.get(e.actorId) ?? null) : null })),
    otherTickets: row.customer.tickets.map((t) => ({ reference: formatReference(t.number), subject: t.subject, stage: t.stage })),
  };
}

// --- Staff: a supervisor's approval ----------------------------------------------------------

/** How many earlier complaints of the same customer the approval card links to. */
const EARLIER_SHOWN = 5;

/** What a supervisor needs to judge a resolution above an agent's authority, besides the amount. */
export const APPROVAL_TICKET = {
  id: true,
  version: true,
  number: true,
  currency: true,
  amount: true,
  desiredOutcome: true,
  customerAsk: true,
  rootCause: true,
  finding: true,
  resolutionNote: true,
  categoryId: true,
  category: { select: { nameEn: true, nameId: true } },
  customer: {
    select: {
      name: true,
      _count: { select: { tickets: true } },
      // One more than shown: the ticket itself is among them.
      tickets: { orderBy: { createdAt: "desc" }, take: EARLIER_SHOWN + 1, select: { id: true, number: true, stage: true } },
    },
  },
} satisfies Prisma.TicketSelect;

/** A closed ticket of the same category × root cause: what it was granted. */
export const GRANTED_TICKET = {
  number: true,
  resolutionAmount: true,
  closedAt: true,
  resolutionOption: { select: { labelEn: true, labelId: true } },
} satisfies Prisma.TicketSelect;

/** How many similar grants the card lists; the median is taken over all that were read. */
const GRANTED_SHOWN = 5;

export interface ApprovalContext {
  categoryEn: string;
  categoryId: string;
  /** "What would you like us to do?", in the customer's words. */
  /** Null for a mailed complaint whose customer has not said yet. */
  ask: string | null;
  /** What would resolve it for them, as they chose it on the form; null when they chose none. */
  customerAsk: CustomerAsk | null;
  /** What the customer said it cost, in the ticket's currency. */
  claimed: string | null;
  rootCause: RootCause | null;
  finding: string | null;
  /** The agent's reason for the choice (their note for the record). */
  reason: string | null;
  customerName: string;
  /** The same customer's other complaints: how many, and links to the latest (their subjects are on the ticket's page). */
  earlier: { count: number; tickets: { reference: string; stage: Stage }[] };
  /** What closed complaints of the same category × root cause were granted, latest first. */
  similar: {
    count: number;
    median: number | null;
    latest: { reference: string; optionEn: string; optionId: string; amount: string | null }[];
  };
}

export function toApprovalView(
  row: Prisma.TicketGetPayload<{ select: typeof APPROVAL_TICKET }>,
  granted: readonly Prisma.TicketGetPayload<{ select: typeof GRANTED_TICKET }>[],
): ApprovalContext {
  const others = row.customer.tickets.filter((t) => t.id !== row.id);
  const amounts = granted.flatMap((g) => (g.resolutionAmount === null ? [] : [Number(g.resolutionAmount)]));
  return {
    categoryEn: row.category.nameEn,
    categoryId: row.category.nameId,
    ask: row.desiredOutcome,
    customerAsk: row.customerAsk,
    claimed: row.amount?.toString() ?? null,
    rootCause: row.rootCause,
    finding: row.finding,
    reason: row.resolutionNote,
    customerName: row.customer.name,
    earlier: {
      count: row.customer._count.tickets - 1,
      tickets: others.slice(0, EARLIER_SHOWN).map((t) => ({ reference: formatReference(t.number), stage: t.stage })),
    },
    similar: {
      count: granted.length,
      median: median(amounts),
      latest: granted.slice(0, GRANTED_SHOWN).map((g) => ({
        reference: formatReference(g.number),
        optionEn: g.resolutionOption?.labelEn ?? "",
        optionId: g.resolutionOption?.labelId ?? "",
        amount: g.resolutionAmount?.toString() ?? null,
      })),
    },
  };
}

// --- The customer: the tracking page -----------------------------------------------------------

export interface TrackedTicket extends TextFacts {
  reference: string;
  stage: Stage;
  waitingOnCustomer: boolean;
  categoryEn: string;
  categoryId: string;
  narrative: string;
  /** Null when not yet stated (a mailed complaint). */
  desiredOutcome: string | null;
  /** What would resolve it for them, as they chose it; null when they chose none. */
  customerAsk: CustomerAsk | null;
  /** What the customer said it cost, in the ticket's currency. */
  amount: { value: number; currency: string } | null;
  filedAt: Date;
  nextReplyBy: Date | null;
  rating: number | null;
  wouldTrustAgain: boolean | null;
  closedAt: Date | null;
  /** What we did, once closed: the option chosen, with its amount in the ticket's currency. */
  resolution: { labelEn: string; labelId: string; amount: { value: number; currency: string } | null } | null;
  /** The public message that carried the apology. */
  apology: { id: string; body: string; at: Date } | null;
  messages: { id: string; fromCustomer: boolean; body: string; at: Date }[];
  /** The customer-facing custom-field answers, labelled in each language. */
  customFields: Record<Locale, DescribedAnswer[]>;
  /** The regulatory deadline, while the complaint is open; null when it has none. */
  regulatory: RegulatoryClockView;
}

/** What the holder of a tracking link may see: public messages only, never internal notes. */
export function toTrackingView(
  row: Prisma.TicketGetPayload<{ select: typeof CUSTOMER_TICKET }>,
  fields: readonly CustomFieldDefinition[],
): TrackedTicket {
  const answers = answersOf(row.customFields);
  return {
    reference: formatReference(row.number),
    stage: row.stage,
    waitingOnCustomer: row.waitingOnCustomer,
    categoryEn: row.category.nameEn,
    categoryId: row.category.nameId,
    narrative: row.narrative,
    desiredOutcome: row.desiredOutcome,
    customerAsk: row.customerAsk,
    ...textFactsOf(row),
    amount: row.amount === null ? null : { value: Number(row.amount), currency: row.currency },
    filedAt: row.createdAt,
    // Before the first reply the promise is the acknowledgement; after it, the current stage's deadline.
    nextReplyBy: row.stage === "CLOSED" || row.waitingOnCustomer ? null : row.stage === "NEW" ? row.acknowledgeBy : row.stageDueAt,
    rating: row.rating,
    wouldTrustAgain: row.wouldTrustAgain,
    closedAt: row.stage === "CLOSED" ? row.closedAt : null,
    // Until the apology closes it, a chosen option may still await approval: not yet a promise to the customer.
    resolution:
      row.stage === "CLOSED" && row.resolutionOption
        ? {
            labelEn: row.resolutionOption.labelEn,
            labelId: row.resolutionOption.labelId,
            amount: row.resolutionAmount === null ? null : { value: Number(row.resolutionAmount), currency: row.currency },
          }
        : null,
    apology: apologyOf(row),
    messages: row.messages.map((m) => ({ id: m.id, fromCustomer: m.authorType === "CUSTOMER", body: m.body, at: m.createdAt })),
    customFields: {
      en: describeAnswers(fields, answers, "en", "customer"),
      id: describeAnswers(fields, answers, "id", "customer"),
    },
    regulatory: row.stage === "CLOSED" ? null : regulatoryClockView(row),
  };
}

// No message is marked as the apology: sendApology posts it in the same change that stamps apologySentAt,
// so it is the first public staff message from that moment on.
function apologyOf(row: Prisma.TicketGetPayload<{ select: typeof CUSTOMER_TICKET }>) {
  const sent = row.apologySentAt;
  if (!sent) return null;
  const m = row.messages.find((m) => m.authorType === "STAFF" && m.createdAt.getTime() >= sent.getTime());
  return m ? { id: m.id, body: m.body, at: m.createdAt } : null;
}
