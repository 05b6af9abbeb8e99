import type { EscalationSource } from "@/domain/escalation";
import type { Priority, Stage } from "@/domain/stages";
import type { SlaTransitionKind } from "@/domain/sla-policy-breach";
import type { Locale } from "@/i18n/locales";
import type { OutgoingMail } from "@/server/mail/outbox";
import { noticeColumns, noticeMailFooter, noticeSubject, type NoticeLine, type NoticeMessage } from "./notice-message";

// What supervisors are told when a stage's clock turns at risk or is breached, or a safety risk is
// declared: one in-app notice and one mail each, in the supervisor's own language.

export interface NoticeRecipient {
  id: string;
  email: string;
  locale: Locale;
}

export interface SlaNoticeFacts {
  kind: SlaTransitionKind;
  timerId: string;
  ticketId: string;
  reference: string;
  stage: Stage;
  /** When it really happened: the at-risk point, or the deadline. */
  occurredAt: Date;
  dueAt: Date;
  detectedAt: Date;
  /** The ticket's workspace. */
  url: string;
  /** What the breach policy did, when it did something. */
  priorityRaised?: { from: Priority; to: Priority };
  escalated?: boolean;
  /** The calendar's zone, for the times people read. */
  timeZone: string;
}

export interface StaffNotification {
  userId: string;
  /** What happened, for filters and tests: `sla.breached`, `approval.requested`, ... */
  kind: string;
  ticketId: string;
  messageKey: string;
  messageParams: ReturnType<typeof noticeColumns>["messageParams"];
  /** The text as first written, kept for when the key is retired. */
  title: string;
  body: string;
  dedupeKey: string;
  createdAt: Date;
}

// Below this a notice is simply on time: the monitor looks every minute.
const LATE_ENOUGH_TO_MENTION_MINUTES = 2;

function priorityLine(raised: { from: Priority; to: Priority } | undefined): NoticeLine[] {
  return raised ? [{ key: "priorityRaised", values: { from: { priority: raised.from }, to: { priority: raised.to } } }] : [];
}

/** One notice for one reader: its row (worded again whenever it is read) and its mail (worded now). */
export function staffNotice(
  message: NoticeMessage,
  to: NoticeRecipient,
  row: { kind: StaffNotification["kind"]; ticketId: string; dedupeKey: string; createdAt: Date; url: string },
): { notification: StaffNotification; mail: OutgoingMail } {
  const columns = noticeColumns(message, to.locale);
  return {
    notification: { userId: to.id, kind: row.kind, ticketId: row.ticketId, ...columns, dedupeKey: row.dedupeKey, createdAt: row.createdAt },
    mail: {
      kind: "notice",
      to: to.email,
      ticketId: row.ticketId,
      dedupeKey: row.dedupeKey,
      subject: noticeSubject(message, to.locale),
      text: [columns.title, columns.body, ...noticeMailFooter(row.url, to.locale)].join("\n\n"),
    },
  };
}

/** The same key for the same notice to the same person, so a retried sweep stores one row and one mail. */
export function slaNoticeKey(kind: SlaTransitionKind, timerId: string, userId: string): string {
  return `${kind}:${timerId}:${userId}`;
}

/** The words of an SLA notice: the same for every reader until each reads it. */
export function slaNoticeMessage(facts: SlaNoticeFacts): NoticeMessage {
  const key = facts.kind === "sla.breached" ? "breached" : "atRisk";
  const lines: NoticeLine[] = [{ key: `${key}.body` }, ...priorityLine(facts.priorityRaised)];
  if (facts.escalated) lines.push({ key: "escalated" });
  const late = Math.floor((facts.detectedAt.getTime() - facts.occurredAt.getTime()) / 60_000);
  if (late >= LATE_ENOUGH_TO_MENTION_MINUTES) lines.push({ key: "noticedLate", values: { late: { minutes: late } } });
  return {
    key,
    values: {
      reference: facts.reference,
      stage: { stage: facts.stage },
      due: { at: facts.dueAt.toISOString(), timeZone: facts.timeZone },
      moment: { at: facts.occurredAt.toISOString(), timeZone: facts.timeZone },
    },
    lines,
  };
}

/** The in-app notice and the mail for one supervisor. */
export function slaNotice(facts: SlaNoticeFacts, to: NoticeRecipient): { notification: StaffNotification; mail: OutgoingMail } {
  return staffNotice(slaNoticeMessage(facts), to, {
    kind: facts.kind,
    ticketId: facts.ticketId,
    dedupeKey: slaNoticeKey(facts.kind, facts.timerId, to.id),
    createdAt: facts.detectedAt,
    url: facts.url,
  });
}

export interface SafetyNoticeFacts {
  ticketId: string;
  reference: string;
  /** Which judgement made it urgent: a declared safety risk, or a critical severity. */
  cause: "safetyRisk" | "critical";
  priorityRaised?: { from: Priority; to: Priority };
  /** The declaration also escalated the ticket: the notice says it waits for a settlement. */
  escalated?: boolean;
  /** The event it belongs to, so a retry stores one notice and one mail per reader. */
  eventKey: string;
  url: string;
  at: Date;
}

/** The in-app notice and the mail for one supervisor about a safety risk or a critical complaint. */
export function safetyNotice(facts: SafetyNoticeFacts, to: NoticeRecipient): { notification: StaffNotification; mail: OutgoingMail } {
  const message: NoticeMessage = {
    key: "safetyRaised",
    values: { reference: facts.reference },
    lines: [
      { key: `safetyRaised.${facts.cause}` },
      ...priorityLine(facts.priorityRaised),
      ...(facts.escalated ? [{ key: "escalated" }] : []),
    ],
  };
  return staffNotice(message, to, {
    kind: "ticket.safetyRaised",
    ticketId: facts.ticketId,
    dedupeKey: `ticket.safetyRaised:${facts.eventKey}:${to.id}`,
    createdAt: facts.at,
    url: facts.url,
  });
}

export interface EscalationNoticeFacts {
  ticketId: string;
  reference: string;
  source: EscalationSource;
  /** The agent's own words, when an agent escalated. */
  reason: string | null;
  /** Who escalated, when a person did. */
  by: string | null;
  /** When it was escalated: one escalation per ticket, so this names it for the dedupe key. */
  at: Date;
  url: string;
}

/** The in-app notice and the mail for one supervisor about a ticket escalated to them and held for their settlement. */
export function escalationNotice(
  facts: EscalationNoticeFacts,
  to: NoticeRecipient,
): { notification: StaffNotification; mail: OutgoingMail } {
  const message: NoticeMessage = {
    key: "escalation",
    values: { reference: facts.reference, agent: facts.by ?? "", reason: facts.reason ?? "" },
    lines: [{ key: `escalation.${facts.source}` }, { key: "escalated" }],
  };
  return staffNotice(message, to, {
    kind: "ticket.escalated",
    ticketId: facts.ticketId,
    dedupeKey: `ticket.escalated:${facts.ticketId}:${facts.at.getTime()}:${to.id}`,
    createdAt: facts.at,
    url: facts.url,
  });
}

export interface RegulatoryNoticeFacts {
  kind: "regulatory.warned" | "regulatory.breached";
  ticketId: string;
  reference: string;
  regime: string;
  dueAt: Date;
  detectedAt: Date;
  /** The regime's calendar's zone, for the deadline people read. */
  timeZone: string;
  url: string;
}

/** The in-app notice and the mail for one reader about a regulatory deadline near or missed. */
export function regulatoryNotice(
  facts: RegulatoryNoticeFacts,
  to: NoticeRecipient,
): { notification: StaffNotification; mail: OutgoingMail } {
  const key = facts.kind === "regulatory.breached" ? "regulatoryBreached" : "regulatoryWarning";
  const message: NoticeMessage = {
    key,
    values: { reference: facts.reference, regime: facts.regime, due: { at: facts.dueAt.toISOString(), timeZone: facts.timeZone } },
    lines: [{ key: `${key}.body` }],
  };
  return staffNotice(message, to, {
    kind: facts.kind,
    ticketId: facts.ticketId,
    // One warning and one breach per ticket: the claim makes each new, the key keeps it one.
    dedupeKey: `${facts.kind}:${facts.ticketId}:${facts.dueAt.getTime()}:${to.id}`,
    createdAt: facts.detectedAt,
    url: facts.url,
  });
}
