import { createTranslator } from "next-intl";
import en from "../../../messages/en.json";
import id from "../../../messages/id.json";
import type { EscalationSource } from "@/domain/escalation";
import type { Priority, Stage } from "@/domain/stages";
import type { SlaTransitionKind } from "@/domain/sla-policy-breach";
import type { Locale } from "@/i18n/locales";
import type { OutgoingMail } from "@/server/mail/outbox";

// What supervisors are told when a stage's clock turns at risk or is breached, or a safety risk is
// declared: one in-app notice and one mail each, in the supervisor's own language.

const CATALOGUES = { en, id } as const;

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
  kind: SlaTransitionKind | "ticket.safetyRaised" | "ticket.escalated";
  ticketId: string;
  title: string;
  body: string;
  dedupeKey: string;
  createdAt: Date;
}

// Below this a notice is simply on time: the monitor looks every minute.
const LATE_ENOUGH_TO_MENTION_MINUTES = 2;

// Building a translator or a date format is far dearer than using one, and a catch-up after
// downtime composes thousands of notices: both are kept per language (and zone).
const translators = new Map<Locale, ReturnType<typeof noticesTranslator>>();
const formats = new Map<string, Intl.DateTimeFormat>();

function noticesTranslator(locale: Locale) {
  return {
    t: createTranslator({ locale, messages: CATALOGUES[locale], namespace: "notices" }),
    stages: createTranslator({ locale, messages: CATALOGUES[locale], namespace: "stages" }),
  };
}

function translator(locale: Locale) {
  let found = translators.get(locale);
  if (!found) translators.set(locale, (found = noticesTranslator(locale)));
  return found;
}

function formatWhen(date: Date, locale: Locale, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", {
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      timeZone,
      timeZoneName: "short",
    });
    formats.set(key, format);
  }
  return format.format(date);
}

function formatDuration(minutes: number, locale: Locale): string {
  const { t } = translator(locale);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [hours > 0 ? t("hours", { count: hours }) : null, rest > 0 || hours === 0 ? t("minutes", { count: rest }) : null]
    .filter(Boolean)
    .join(" ");
}

/** The same key for the same notice to the same person, so a retried sweep stores one row and one mail. */
export function slaNoticeKey(kind: SlaTransitionKind, timerId: string, userId: string): string {
  return `${kind}:${timerId}:${userId}`;
}

/** The in-app notice and the mail for one supervisor. */
export function slaNotice(facts: SlaNoticeFacts, to: NoticeRecipient): { notification: StaffNotification; mail: OutgoingMail } {
  const { t, stages } = translator(to.locale);
  const values = {
    reference: facts.reference,
    stage: stages(facts.stage),
    due: formatWhen(facts.dueAt, to.locale, facts.timeZone),
    moment: formatWhen(facts.occurredAt, to.locale, facts.timeZone),
  };
  const key = facts.kind === "sla.breached" ? "breached" : "atRisk";

  const lines = [t(`${key}.body`, values)];
  if (facts.priorityRaised)
    lines.push(t("priorityRaised", { from: t(`priority.${facts.priorityRaised.from}`), to: t(`priority.${facts.priorityRaised.to}`) }));
  if (facts.escalated) lines.push(t("escalated"));
  const late = Math.floor((facts.detectedAt.getTime() - facts.occurredAt.getTime()) / 60_000);
  if (late >= LATE_ENOUGH_TO_MENTION_MINUTES) lines.push(t("noticedLate", { late: formatDuration(late, to.locale) }));
  const body = lines.join(" ");

  const title = t(`${key}.title`, values);
  const dedupeKey = slaNoticeKey(facts.kind, facts.timerId, to.id);
  return {
    notification: { userId: to.id, kind: facts.kind, ticketId: facts.ticketId, title, body, dedupeKey, createdAt: facts.detectedAt },
    mail: {
      kind: "notice",
      to: to.email,
      ticketId: facts.ticketId,
      dedupeKey,
      subject: t(`${key}.subject`, values),
      text: [title, body, t("open", { url: facts.url }), `—\n${t("why")}`].join("\n\n"),
    },
  };
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
  const { t } = translator(to.locale);
  const values = { reference: facts.reference };
  const lines = [t(`safetyRaised.${facts.cause}`, values)];
  if (facts.priorityRaised)
    lines.push(t("priorityRaised", { from: t(`priority.${facts.priorityRaised.from}`), to: t(`priority.${facts.priorityRaised.to}`) }));
  if (facts.escalated) lines.push(t("escalated"));
  const title = t("safetyRaised.title", values);
  const body = lines.join(" ");
  const dedupeKey = `ticket.safetyRaised:${facts.eventKey}:${to.id}`;
  return {
    notification: { userId: to.id, kind: "ticket.safetyRaised", ticketId: facts.ticketId, title, body, dedupeKey, createdAt: facts.at },
    mail: {
      kind: "notice",
      to: to.email,
      ticketId: facts.ticketId,
      dedupeKey,
      subject: t("safetyRaised.subject", values),
      text: [title, body, t("open", { url: facts.url }), `—\n${t("why")}`].join("\n\n"),
    },
  };
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
  const { t } = translator(to.locale);
  const values = { reference: facts.reference, agent: facts.by ?? "", reason: facts.reason ?? "" };
  const title = t("escalation.title", values);
  const body = [t(`escalation.${facts.source}`, values), t("escalated")].join(" ");
  const dedupeKey = `ticket.escalated:${facts.ticketId}:${facts.at.getTime()}:${to.id}`;
  return {
    notification: { userId: to.id, kind: "ticket.escalated", ticketId: facts.ticketId, title, body, dedupeKey, createdAt: facts.at },
    mail: {
      kind: "notice",
      to: to.email,
      ticketId: facts.ticketId,
      dedupeKey,
      subject: t("escalation.subject", values),
      text: [title, body, t("open", { url: facts.url }), `—\n${t("why")}`].join("\n\n"),
    },
  };
}
