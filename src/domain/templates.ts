// Message templates are a starting point, not the message: the agent fills what the template
// cannot know and adapts the rest to the case (there is no universal resolution). So a placeholder
// without a value stays visible, and a message that still holds one must not reach the customer.

export const TEMPLATE_KINDS = ["ACKNOWLEDGEMENT", "CLARIFICATION", "APOLOGY", "RESOLUTION", "SURVEY"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

// restatement and finding carry the record forward: what the agent heard and found is not retyped.
// deadline is the running stage's deadline; replyBy differs from it only on a new ticket.
export const PLACEHOLDERS = [
  "customerName",
  "reference",
  "restatement",
  "finding",
  "resolution",
  "amount",
  "deadline",
  "agentName",
  "replyBy",
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** Values are already formatted for the customer's locale (amounts with currency, dates in words). */
export type TemplateValues = Partial<Record<Placeholder, string | null>>;

export interface RenderedTemplate {
  kind: TemplateKind;
  subject: string;
  body: string;
}

const KNOWN = new RegExp(`\\{(${PLACEHOLDERS.join("|")})\\}`, "g");
// Anything shaped like a placeholder, known or not: an admin's `{orderNumber}` or a mistyped
// `{customername}` will never be filled either, and must not reach the customer as written.
const PLACEHOLDER_SHAPED = /\{[A-Za-z][A-Za-z0-9_]{0,63}\}/g;

/**
 * Puts each value in place of its `{placeholder}`. A missing or blank value leaves the
 * placeholder as written, for the agent to fill; braces that are not placeholders are left alone.
 * One pass over the template, so a value is inserted literally even when it contains braces or `$&`.
 */
export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(KNOWN, (written, name: Placeholder) => {
    const value = values[name]?.trim();
    return value ? value : written;
  });
}

/** The placeholders still in the text, each once, in order of first appearance, as written (`{amount}`). */
export function unfilledPlaceholders(text: string): string[] {
  return [...new Set(text.match(PLACEHOLDER_SHAPED) ?? [])];
}

/** Where the first unfilled placeholder is, so an editor can put the agent's caret on it. */
export function firstUnfilledPlaceholder(text: string): { start: number; end: number } | null {
  const match = new RegExp(PLACEHOLDER_SHAPED.source).exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

/**
 * Placeholder-shaped words Tanggap will never fill (`{orderNumber}`, a mistyped `{customername}`),
 * each once, as written. An admin saving a template with one would leave every agent a gap to find.
 */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(PLACEHOLDERS.map((p) => `{${p}}`));
  return unfilledPlaceholders(text).filter((p) => !known.has(p));
}

/** Example values an admin's preview is rendered with, so the text reads as a customer will see it. */
export const SAMPLE_VALUES: Readonly<Record<"en" | "id", Required<Record<Placeholder, string>>>> = {
  en: {
    customerName: "Maria Gomez",
    reference: "TGP-000123",
    restatement: "the blender you bought stopped working on the first day, and you would like your money back",
    finding: "the batch was damaged in our warehouse before it was shipped",
    resolution: "a full refund",
    amount: "IDR 250,000",
    deadline: "Wednesday 25 November, 16:00",
    agentName: "Dewi",
    replyBy: "Tuesday 24 November, 10:00",
  },
  id: {
    customerName: "Siti Rahayu",
    reference: "TGP-000123",
    restatement: "blender yang Kakak beli rusak sejak hari pertama, dan Kakak ingin uangnya kembali",
    finding: "barang dari kiriman tersebut rusak di gudang kami sebelum dikirim",
    resolution: "pengembalian dana penuh",
    amount: "Rp 250.000",
    deadline: "Rabu 25 November, 16.00",
    agentName: "Dewi",
    replyBy: "Selasa 24 November, 10.00",
  },
};
