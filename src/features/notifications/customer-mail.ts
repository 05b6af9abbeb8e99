import { createTranslator } from "next-intl";
import en from "../../../messages/en.json";
import id from "../../../messages/id.json";
import type { Locale } from "@/i18n/locales";
import type { OutgoingMail } from "@/server/mail/outbox";

const CATALOGUES = { en, id } as const;

export interface CustomerMailContext {
  locale: Locale;
  to: string;
  customerName: string;
  reference: string;
  ticketId: string;
  /** The private tracking link, or null when it cannot be recovered (then the mail says how to get it). */
  trackingUrl: string | null;
}

function translator(locale: Locale) {
  return createTranslator({ locale, messages: CATALOGUES[locale], namespace: "email" });
}

function formatWhen(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Asia/Jakarta",
    timeZoneName: "short",
  }).format(date);
}

function footer(ctx: CustomerMailContext): string {
  const t = translator(ctx.locale);
  return ctx.trackingUrl ? t("followAt", { url: ctx.trackingUrl }) : t("linkUnavailable");
}

/**
 * Sent the moment a complaint is filed, to an address nobody has proven: anyone can type anyone's.
 * So it carries none of the words typed on the form — not the narrative, not even the name, which
 * could be a sentence with a link in it — and no link but the tracking link: only our own text.
 */
export function receiptMail(ctx: CustomerMailContext, replyBy: Date): OutgoingMail {
  const t = translator(ctx.locale);
  return {
    kind: "receipt",
    to: ctx.to,
    ticketId: ctx.ticketId,
    dedupeKey: `receipt:${ctx.ticketId}`,
    subject: t("receipt.subject", { reference: ctx.reference }),
    text: [
      t("greetingUnproven"),
      t("receipt.body", { reference: ctx.reference, when: formatWhen(replyBy, ctx.locale) }),
      footer(ctx),
      t("signature"),
    ].join("\n\n"),
  };
}

/** A public message from staff, in full: an acknowledgement, a question, an explanation or the apology. */
export function replyMail(ctx: CustomerMailContext, message: { id: string; body: string; apology: boolean }): OutgoingMail {
  const t = translator(ctx.locale);
  return {
    kind: message.apology ? "apology" : "reply",
    to: ctx.to,
    ticketId: ctx.ticketId,
    dedupeKey: `message:${message.id}`,
    subject: t(message.apology ? "apology.subject" : "reply.subject", { reference: ctx.reference }),
    text: [message.body, "—", footer(ctx)].join("\n\n"),
  };
}

/** After closing: how did we do, and would you trust us again? */
export function surveyMail(ctx: CustomerMailContext): OutgoingMail {
  const t = translator(ctx.locale);
  return {
    kind: "survey",
    to: ctx.to,
    ticketId: ctx.ticketId,
    subject: t("survey.subject", { reference: ctx.reference }),
    text: [t("greeting", { name: ctx.customerName }), t("survey.body"), footer(ctx), t("signature")].join("\n\n"),
  };
}

/**
 * The answer to the lookup form: the link, sent only to the address on the complaint. Whoever asked
 * only had to know the reference and the address, so, like the receipt, no words typed on a form.
 */
export function linkMail(ctx: CustomerMailContext): OutgoingMail {
  const t = translator(ctx.locale);
  return {
    kind: "link",
    to: ctx.to,
    ticketId: ctx.ticketId,
    subject: t("link.subject", { reference: ctx.reference }),
    text: [t("greetingUnproven"), t("link.body", { reference: ctx.reference }), footer(ctx), t("link.notYou"), t("signature")].join("\n\n"),
  };
}

/**
 * The customer's complaint was a duplicate and joined another. When both are theirs they are told
 * which one carries on (their link now opens it); when the other is someone else's, only that it is
 * handled together with a related complaint — nothing of the other customer's.
 */
export function mergedMail(ctx: CustomerMailContext, merge: { survivor: string; sameCustomer: boolean }): OutgoingMail {
  const t = translator(ctx.locale);
  return {
    kind: "reply",
    to: ctx.to,
    ticketId: ctx.ticketId,
    dedupeKey: `merged:${ctx.ticketId}`,
    subject: t("merged.subject", { reference: ctx.reference }),
    text: [
      t("greeting", { name: ctx.customerName }),
      merge.sameCustomer
        ? t("merged.body", { reference: ctx.reference, survivor: merge.survivor })
        : t("merged.bodyRelated", { reference: ctx.reference }),
      footer(ctx),
      t("signature"),
    ].join("\n\n"),
  };
}

/** To the assignee when the customer writes back. */
export function customerRepliedMail(
  to: { email: string; locale: Locale },
  ticket: { reference: string; ticketId: string; customerName: string },
  workspaceUrl: string,
): OutgoingMail {
  const t = translator(to.locale);
  return {
    kind: "notice",
    to: to.email,
    ticketId: ticket.ticketId,
    subject: t("customerReplied.subject", { reference: ticket.reference, name: ticket.customerName }),
    text: t("customerReplied.body", { reference: ticket.reference, name: ticket.customerName, url: workspaceUrl }),
  };
}
