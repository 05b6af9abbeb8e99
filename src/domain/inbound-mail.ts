// Rules for mail that customers send us: what must never be answered, which language it is in,
// how a reply finds its ticket, and what of a reply is new text. No I/O here; the import
// (src/features/inbound) feeds it parsed headers.

export type AutomatedKind = "autoReply" | "bounce" | "list";

export interface MailHeaders {
  /** The header's value, lower-cased name; undefined when absent. */
  get(name: string): string | undefined;
}

/**
 * Why this mail was written by a machine, or null for a person's mail. Answering any of them
 * risks a mail loop (two auto-responders answering each other) or spamming a list, so they are
 * recorded and never answered. RFC 3834 (Auto-Submitted), the de-facto Precedence header, list
 * headers (RFC 2369/2919) and delivery or read reports (RFC 3464/8098, multipart/report).
 */
export function automatedKind(headers: MailHeaders, fromAddress: string | undefined): AutomatedKind | null {
  const contentType = headers.get("content-type")?.toLowerCase() ?? "";
  if (contentType.startsWith("multipart/report")) return "bounce";
  const from = (fromAddress ?? "").toLowerCase();
  if (/^(mailer-daemon|postmaster)@/.test(from)) return "bounce";
  const returnPath = headers.get("return-path")?.trim();
  if (returnPath === "<>") return "bounce";
  const autoSubmitted = headers.get("auto-submitted")?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== "no") return "autoReply";
  if (headers.get("x-autoreply") !== undefined || headers.get("x-autorespond") !== undefined) return "autoReply";
  const precedence = headers.get("precedence")?.trim().toLowerCase();
  if (precedence === "auto_reply") return "autoReply";
  if (precedence === "bulk" || precedence === "list" || precedence === "junk") return "list";
  if (headers.get("list-id") !== undefined || headers.get("list-unsubscribe") !== undefined) return "list";
  return null;
}

// Short, frequent words that tell the two languages apart even in a few lines.
const INDONESIAN = new Set(
  "yang dan di ke dari ini itu tidak saya kami anda untuk dengan sudah belum tapi tetapi karena pada juga ada bisa mohon terima kasih barang pesanan uang kembali sampai sejak tolong bagaimana kenapa mengapa".split(
    " ",
  ),
);
const ENGLISH = new Set(
  "the and to of is was it my i you your for with have has not but because on this that please order refund received still would could what when where how why".split(
    " ",
  ),
);

/** Indonesian or English, by counting frequent words; Indonesian when undecided (the house default). */
export function guessLocale(text: string): "id" | "en" {
  let id = 0;
  let en = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (INDONESIAN.has(word)) id++;
    if (ENGLISH.has(word)) en++;
  }
  return en > id ? "en" : "id";
}

// Lines where quoted history starts in Indonesian mail programs (Gmail, Outlook, Yahoo in Indonesian).
const INDONESIAN_QUOTE_HEADERS = [
  /^\s*Pada\s[\s\S]{0,300}?menulis\s*:\s*$/im, // Pada Sen, 1 Des 2026 pukul 10.00, Tanggap <…> menulis:
  /^\s*-{2,}\s*Pesan (Asli|Diteruskan)\s*-{2,}\s*$/im,
  /^\s*Dari\s*:\s.*@.*$/im, // Outlook's header block: "Dari: Nama <alamat@…>"
];
const INDONESIAN_SIGNATURES = [/^\s*Dikirim dari\s.+$/im, /^\s*Dikirim dengan\s.+$/im];

/**
 * Cuts Indonesian quoted history and "sent from my phone" lines off a reply. English and many
 * other languages are handled by email-reply-parser in the import; this covers what it does not.
 */
export function stripIndonesianQuotes(text: string): string {
  let cut = text.length;
  for (const pattern of [...INDONESIAN_QUOTE_HEADERS, ...INDONESIAN_SIGNATURES]) {
    const match = pattern.exec(text);
    if (match && match.index < cut) cut = match.index;
  }
  return text.slice(0, cut);
}

/** Drops the ">"-quoted lines that some programs leave below a reply without any header. */
export function dropTrailingQuotedLines(text: string): string {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  while (lines.length > 0 && (/^\s*>/.test(lines[lines.length - 1]!) || lines[lines.length - 1]!.trim() === "")) lines.pop();
  return lines.join("\n");
}

// --- Reply addresses ----------------------------------------------------------------------------

/**
 * A ticket's reply address: the mailbox's own address with a tag after "+" naming the ticket and
 * proving we made it (`help+tgp-000123.3f9a0c1b2d@example.com`). Most providers deliver plus
 * addresses to the base mailbox, so nothing needs configuring.
 */
export function replyAddress(mailbox: string, reference: string, tag: string): string {
  const at = mailbox.lastIndexOf("@");
  if (at <= 0) return mailbox;
  return `${mailbox.slice(0, at)}+${reference.toLowerCase()}.${tag}${mailbox.slice(at)}`;
}

/** The reference and tag in a reply address's local part, or null when it carries none. */
export function parseReplyAddress(address: string): { reference: string; tag: string } | null {
  const match = /\+(tgp-\d{1,12})\.([0-9a-f]{6,64})@/i.exec(address);
  if (!match) return null;
  return { reference: match[1]!.toUpperCase(), tag: match[2]!.toLowerCase() };
}

/** The Message-IDs a reply points at, nearest first: In-Reply-To, then References from the end. */
export function threadIds(inReplyTo: string | undefined, references: string | string[] | undefined): string[] {
  const refs = (Array.isArray(references) ? references.join(" ") : (references ?? "")).match(/<[^<>\s]+>/g) ?? [];
  const ids = [...(inReplyTo?.match(/<[^<>\s]+>/g) ?? []), ...refs.reverse()];
  return [...new Set(ids)];
}

/** The ticket a Message-ID we made names (`<ticket-<uuid>@…>`), or null. */
export function ticketIdOfThreadRoot(messageId: string): string | null {
  const match = /^<ticket-([0-9a-f-]{36})@[^>]+>$/i.exec(messageId);
  return match ? match[1]!.toLowerCase() : null;
}

/** The Message-ID every mail about a ticket refers to, so the customer's program keeps one thread. */
export function threadRootId(ticketId: string, domain: string): string {
  return `<ticket-${ticketId}@${domain}>`;
}

/** A name to file the complaint under: the display name, else the address's local part. */
export function senderName(displayName: string | undefined, address: string): string {
  const name = displayName?.replace(/["']/g, "").trim();
  if (name && name.length >= 2) return name.slice(0, 120);
  const local = address.split("@")[0] ?? address;
  const cleaned = local.replace(/[._+-]+/g, " ").trim();
  return cleaned.length >= 2 ? cleaned.slice(0, 120) : address.slice(0, 120);
}
