import type { RenderedTemplate, TemplateKind, TemplateValues } from "@/domain/templates";

/** What a template may say about a ticket; any ticket view with these fields will do. */
export interface TicketTemplateFacts {
  reference: string;
  locale: "en" | "id";
  currency: string;
  /** A decimal as text (Prisma's Decimal, read as a string), so large amounts keep every digit. */
  resolutionAmount: string | null;
  customer: { name: string };
  restatement: string | null;
  finding: string | null;
  resolutionOption: { labelEn: string; labelId: string } | null;
}

/** The moments a draft may promise, already written for the customer (see ../tickets/next-reply.ts). */
export interface DraftMoments {
  replyBy: string | null;
  deadline: string | null;
}

/**
 * The placeholder values for a ticket's drafts, written in the customer's language: the agreed
 * amount in their currency without cents, the resolution's label in their language, the
 * restatement and finding as the agent recorded them. What is not known yet stays null, so the
 * draft keeps the placeholder for the agent to fill.
 */
export function ticketTemplateValues(ticket: TicketTemplateFacts, agentName: string, moments: DraftMoments): TemplateValues {
  const amount = ticket.resolutionAmount
    ? new Intl.NumberFormat(ticket.locale === "id" ? "id-ID" : "en-US", {
        style: "currency",
        currency: ticket.currency,
        maximumFractionDigits: 0,
      }).format(Number(ticket.resolutionAmount))
    : null;
  const resolution = ticket.resolutionOption
    ? ticket.locale === "id"
      ? ticket.resolutionOption.labelId
      : ticket.resolutionOption.labelEn
    : null;
  return {
    customerName: ticket.customer.name,
    reference: ticket.reference,
    restatement: ticket.restatement,
    finding: ticket.finding,
    agentName,
    resolution,
    amount,
    ...moments,
  };
}

/** The drafts the stage forms start from: each kind's rendered text, or empty where the kind has no template. */
export function stageDrafts(templates: readonly RenderedTemplate[]): { acknowledgement: string; clarification: string; apology: string } {
  const draft = (kind: TemplateKind) => templates.find((x) => x.kind === kind)?.body ?? "";
  return { acknowledgement: draft("ACKNOWLEDGEMENT"), clarification: draft("CLARIFICATION"), apology: draft("APOLOGY") };
}
