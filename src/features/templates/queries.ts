import "server-only";
import { renderTemplate, TEMPLATE_KINDS, type RenderedTemplate, type TemplateValues } from "@/domain/templates";
import { draftMoments } from "@/features/tickets/next-reply";
import { db } from "@/server/db/prisma";
import { ticketTemplateValues } from "./ticket-values";

/**
 * One template per kind for a ticket, in the ticket's language, rendered with what is known so
 * far: the category's own template where there is one, else the fallback for every category.
 * A kind with neither is left out.
 */
export async function templatesForTicket(input: {
  categoryId: string;
  locale: "en" | "id";
  values: TemplateValues;
}): Promise<RenderedTemplate[]> {
  const rows = await db().messageTemplate.findMany({
    where: { locale: input.locale, OR: [{ categoryId: input.categoryId }, { categoryId: null }] },
    select: { kind: true, categoryId: true, subject: true, body: true },
    // The unique index does not stop two fallbacks for one kind (nulls are distinct, and a deleted
    // category's templates become fallbacks); the most recently edited one wins, the same one every time.
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  });
  return TEMPLATE_KINDS.flatMap((kind) => {
    const template = rows.find((r) => r.kind === kind && r.categoryId !== null) ?? rows.find((r) => r.kind === kind);
    if (!template) return [];
    return [{ kind, subject: renderTemplate(template.subject, input.values), body: renderTemplate(template.body, input.values) }];
  });
}

/** The templates offered in a ticket's workspace, filled with what the ticket and the signed-in agent tell. */
export async function templatesForWorkspace(ticket: Parameters<typeof draftMoments>[0], agentName: string): Promise<RenderedTemplate[]> {
  return templatesForTicket({
    categoryId: ticket.category.id,
    locale: ticket.locale,
    values: ticketTemplateValues(ticket, agentName, await draftMoments(ticket)),
  });
}
