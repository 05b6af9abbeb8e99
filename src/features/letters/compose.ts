import { createTranslator } from "next-intl";
import en from "../../../messages/en.json";
import id from "../../../messages/id.json";
import type { LetterElement, LetterKind, LetterOutcome } from "@/domain/regulation/letter-check";
import { REGIMES, type RegimeCode, type RegimeCalendar } from "@/domain/regulation/regimes";
import type { Locale } from "@/i18n/locales";

// A regulated letter's text, made from the record in the ticket's language. Pure (no database), so
// the letter check can be tested on the letters Tanggap really writes, in both languages.

const CATALOGUES = { en, id } as const;

// The time zone a regime's deadlines are stated in: the regulator's own.
const ZONES: Record<RegimeCalendar, string> = { ID: "Asia/Jakarta", "GB-EAW": "Europe/London", AU: "Australia/Sydney" };

export function letterTimeZone(regime: RegimeCode): string {
  const calendar = REGIMES[regime].calendar;
  return calendar ? ZONES[calendar] : "Asia/Jakarta";
}

/** A date as a letter states it: the day in words, in the regime's time zone (e.g. "Senin, 14 Desember 2026"). */
export function letterDate(date: Date, locale: Locale, regime: RegimeCode): string {
  return new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: letterTimeZone(regime),
  }).format(date);
}

export function letterMoney(amount: string, currency: string, locale: Locale): string {
  return new Intl.NumberFormat(locale === "id" ? "id-ID" : "en-GB", { style: "currency", currency, maximumFractionDigits: 2 }).format(
    Number(amount),
  );
}

export interface LetterRedress {
  kind: string;
  goodwill: boolean;
  amount: string | null;
  currency: string;
  paidAt: Date | null;
}

export interface LetterFacts {
  kind: LetterKind;
  regime: RegimeCode;
  locale: Locale;
  reference: string;
  customerName: string;
  receivedAt: Date;
  /** The category, in the ticket's language. */
  product: string;
  officer: string;
  /** The regulatory deadline in force (Ticket.regulatoryDueAt). */
  dueAt: Date | null;
  /** Extension and holding reply: the reason and the new deadline. */
  reason?: string | null;
  newDueAt?: Date | null;
  /** Summary resolution: what resolved it. Final response: the reasons for the outcome. */
  resolution?: string | null;
  reasons?: string | null;
  outcome: LetterOutcome | null;
  redress: readonly LetterRedress[];
  /** The agent's own words from the ticket's template, if any. */
  message?: string | null;
  sentAt: Date;
}

export interface ComposedLetter {
  subject: string;
  content: string;
  elements: Partial<Record<LetterElement, string | null>>;
}

export function composeLetter(facts: LetterFacts): ComposedLetter {
  const t = createTranslator({ locale: facts.locale, messages: CATALOGUES[facts.locale], namespace: "letters.text" });
  const date = (d: Date) => letterDate(d, facts.locale, facts.regime);
  const regime = REGIMES[facts.regime];
  const body = regime.escalation?.body;
  const elements: Partial<Record<LetterElement, string | null>> = { reference: facts.reference };
  const paragraphs: string[] = [];
  const add = (element: LetterElement, words: string | null) => {
    elements[element] = words;
    if (words) paragraphs.push(words);
  };
  const filled = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

  switch (facts.kind) {
    case "ACKNOWLEDGEMENT":
      add("receivedAt", t("ack.received", { date: date(facts.receivedAt) }));
      add("product", filled(facts.product) && t("ack.product", { product: facts.product.trim() }));
      add("officer", filled(facts.officer) && t("ack.officer", { officer: facts.officer.trim() }));
      add("deadline", facts.dueAt && t("ack.deadline", { date: date(facts.dueAt) }));
      break;
    case "EXTENSION":
      add("reason", filled(facts.reason) && t("extension.reason", { reason: facts.reason!.trim() }));
      add("newDeadline", facts.newDueAt ? t("extension.newDeadline", { date: date(facts.newDueAt) }) : null);
      break;
    case "HOLDING_REPLY":
      // FCA DISP 1.6.2AR(2): the reasons for the delay and the date of the final response; the
      // Ombudsman's rights, which the customer has from now if that date is not met.
      add("reason", filled(facts.reason) && t("holding.reason", { reason: facts.reason!.trim() }));
      add("newDeadline", facts.newDueAt ? t("holding.newDeadline", { date: date(facts.newDueAt) }) : null);
      add("escalationRights", body ? `${t("holding.rightsFrom")} ${t(`rights.${body}`)}` : null);
      break;
    case "SUMMARY_RESOLUTION":
      add("resolution", filled(facts.resolution) && t("summary.resolved", { resolution: facts.resolution!.trim() }));
      add("escalationRights", body ? t(`rights.${body}`) : null);
      break;
    case "FINAL_RESPONSE": {
      add("outcome", facts.outcome && t("final.outcome", { outcome: t(`outcomes.${facts.outcome}`) }));
      add("reasons", filled(facts.reasons) && t("final.reasons", { reasons: facts.reasons!.trim() }));
      const redress = facts.redress.filter((r) => !r.goodwill);
      const goodwill = facts.redress.filter((r) => r.goodwill);
      const line = (r: LetterRedress) =>
        [
          t(`redressKinds.${r.kind as "OTHER"}`),
          r.amount ? letterMoney(r.amount, r.currency, facts.locale) : null,
          r.paidAt ? t("final.paidOn", { date: date(r.paidAt) }) : t("final.toBePaid"),
        ]
          .filter(Boolean)
          .join(", ");
      add("redress", redress.length ? `${t("final.redress")}\n${redress.map((r) => `- ${line(r)}`).join("\n")}` : null);
      if (goodwill.length) paragraphs.push(`${t("final.goodwill")}\n${goodwill.map((r) => `- ${line(r)}`).join("\n")}`);
      add("escalationRights", body ? t(`rights.${body}`) : null);
      const months = regime.escalation?.timeLimitMonths;
      add("timeLimit", months ? t("final.timeLimit", { months }) : null);
      break;
    }
  }

  const message = filled(facts.message);
  const content = [
    t(`titles.${facts.kind}`),
    t("referenceLine", { reference: facts.reference }),
    t("dateLine", { date: date(facts.sentAt) }),
    t("greeting", { name: facts.customerName }),
    ...(message ? [message] : []),
    ...paragraphs,
    ...(facts.regime === "NONE" ? [] : [t("regimeLine", { regime: facts.locale === "id" ? regime.nameId : regime.nameEn })]),
    t("signature", { officer: facts.officer }),
  ].join("\n\n");
  return { subject: t("subject", { title: t(`titles.${facts.kind}`), reference: facts.reference }), content, elements };
}
