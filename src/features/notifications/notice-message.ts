import { createTranslator } from "next-intl";
import en from "../../../messages/en.json";
import id from "../../../messages/id.json";
import type { Prisma } from "@/generated/prisma/client";
import { PRIORITIES, STAGES, type Priority, type Stage } from "@/domain/stages";
import type { Locale } from "@/i18n/locales";

// A staff notice is stored as a message key and values that mean the same in every language (a
// stage, a priority, a moment with its zone, an amount with its currency, a duration), and worded
// only when someone reads it, in the language they read in now. Any notice (SLA, approvals, safety,
// escalation, ...) is one `NoticeMessage`: its title is `notices.<key>.title`, its body the
// sentences `lines` names, each a key under `notices`.

export type NoticeValue =
  | string
  | number
  | { stage: Stage }
  | { priority: Priority }
  | { at: string; timeZone: string }
  | { amount: number; currency: string }
  | { minutes: number };

export type NoticeValues = Record<string, NoticeValue>;

export interface NoticeLine {
  key: string;
  values?: NoticeValues;
}

export interface NoticeMessage {
  /** Under `notices`: `<key>.title` is the title, `<key>.subject` a mail's subject. */
  key: string;
  /** Shared by the title and every line. */
  values: NoticeValues;
  /** The body's sentences, in order. */
  lines: NoticeLine[];
}

const CATALOGUES = { en, id } as const;

interface Wording {
  t: ReturnType<typeof createTranslator<(typeof CATALOGUES)["en"], "notices">>;
  stages: ReturnType<typeof createTranslator<(typeof CATALOGUES)["en"], "stages">>;
}

// Building a translator or a date format is far dearer than using one, and an inbox or an SLA
// catch-up words hundreds of notices: both are kept per language (and zone).
const wordings = new Map<Locale, Wording>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function wording(locale: Locale): Wording {
  let found = wordings.get(locale);
  if (!found) {
    found = {
      t: createTranslator({ locale, messages: CATALOGUES[locale], namespace: "notices" }),
      stages: createTranslator({ locale, messages: CATALOGUES[locale], namespace: "stages" }),
    };
    wordings.set(locale, found);
  }
  return found;
}

const intlLocale = (locale: Locale) => (locale === "id" ? "id-ID" : "en-GB");

export function formatNoticeMoment(at: Date, locale: Locale, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), {
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      timeZone,
      timeZoneName: "short",
    });
    dateFormats.set(key, format);
  }
  return format.format(at);
}

function formatDuration(minutes: number, locale: Locale): string {
  const { t } = wording(locale);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [hours > 0 ? t("hours", { count: hours }) : null, rest > 0 || hours === 0 ? t("minutes", { count: rest }) : null]
    .filter(Boolean)
    .join(" ");
}

function word(value: NoticeValue, locale: Locale): string | number {
  if (typeof value === "string" || typeof value === "number") return value;
  const { t, stages } = wording(locale);
  if ("stage" in value) return (STAGES as readonly string[]).includes(value.stage) ? stages(value.stage) : value.stage;
  if ("priority" in value)
    return (PRIORITIES as readonly string[]).includes(value.priority) ? t(`priority.${value.priority}`) : value.priority;
  if ("at" in value) return formatNoticeMoment(new Date(value.at), locale, value.timeZone);
  if ("amount" in value)
    return new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency: value.currency, maximumFractionDigits: 2 }).format(
      value.amount,
    );
  return formatDuration(value.minutes, locale);
}

function worded(values: NoticeValues | undefined, locale: Locale): Record<string, string | number> {
  return Object.fromEntries(Object.entries(values ?? {}).map(([name, value]) => [name, word(value, locale)]));
}

function known(key: string, locale: Locale): boolean {
  return wording(locale).t.has(key as never);
}

// The catalogue's keys are checked where they are written (the tests word every notice kind in both
// languages); here a key is only a string read back from a row.
function say(key: string, values: Record<string, string | number>, locale: Locale): string {
  return wording(locale).t(key as never, values as never);
}

/** The notice's title and body in `locale`; null when a key is unknown to this version's catalogue. */
export function renderNotice(message: NoticeMessage, locale: Locale): { title: string; body: string } | null {
  const titleKey = `${message.key}.title`;
  if (!known(titleKey, locale) || !message.lines.every((l) => known(l.key, locale))) return null;
  const shared = worded(message.values, locale);
  return {
    title: say(titleKey, shared, locale),
    body: message.lines.map((l) => say(l.key, { ...shared, ...worded(l.values, locale) }, locale)).join(" "),
  };
}

/** A mail's subject for the notice, in `locale` (mail is worded once, when it is sent). */
export function noticeSubject(message: NoticeMessage, locale: Locale): string {
  return say(`${message.key}.subject`, worded(message.values, locale), locale);
}

/** A mail's footer lines: the ticket's address and why the reader receives it. */
export function noticeMailFooter(url: string, locale: Locale): string[] {
  return [say("open", { url }, locale), `—\n${say("why", {}, locale)}`];
}

/**
 * The columns of one notification row: the key and values for reading later, and the text as
 * written now in the reader's language, kept in case a later version retires the key.
 */
export function noticeColumns(
  message: NoticeMessage,
  locale: Locale,
): { messageKey: string; messageParams: Prisma.InputJsonObject; title: string; body: string } {
  const text = renderNotice(message, locale);
  if (!text) throw new Error(`Unknown notice key ${message.key}`);
  return {
    messageKey: message.key,
    messageParams: { values: message.values, lines: message.lines } as unknown as Prisma.InputJsonObject,
    ...text,
  };
}

function isMessageParams(value: unknown): value is Pick<NoticeMessage, "values" | "lines"> {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.values === "object" &&
    v.values !== null &&
    Array.isArray(v.lines) &&
    v.lines.every((l) => l && typeof l === "object" && typeof (l as { key?: unknown }).key === "string")
  );
}

/** What a stored notice says to a reader in `locale`: worded now from its key, else its text as first written. */
export function readNotice(
  row: { messageKey: string | null; messageParams: unknown; title: string; body: string },
  locale: Locale,
): { title: string; body: string } {
  if (row.messageKey && isMessageParams(row.messageParams)) {
    const text = renderNotice({ key: row.messageKey, ...row.messageParams }, locale);
    if (text) return text;
  }
  return { title: row.title, body: row.body };
}
