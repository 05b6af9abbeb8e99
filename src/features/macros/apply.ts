import "server-only";
import { DomainError } from "@/domain/errors";
import { unfilledPlaceholders } from "@/domain/templates";
import { assign, changeCategory, reply, setPriority, setWaitingOnCustomer } from "@/features/protocol/commands";
import type { Actor, TicketRef } from "@/features/protocol/change-ticket";
import { templatesForTicket } from "@/features/templates/queries";
import { ticketTemplateValues } from "@/features/templates/ticket-values";
import { draftMoments } from "@/features/tickets/next-reply";
import { getTicketWorkspace } from "@/features/tickets/queries";
import { formatReference } from "@/domain/reference";
import { db } from "@/server/db/prisma";

/**
 * The macros an agent may apply to a ticket: the active ones of the ticket's team and of the
 * agent's own team.
 */
export function macroTeams(ticket: { teamId: string | null }, agent: { teamId: string | null }): string[] {
  return [ticket.teamId, agent.teamId].filter((id): id is string => id !== null);
}

/** The reply a macro sends: its template for the ticket's category (the one the macro sets, if it sets one), in the customer's language. */
async function macroReply(
  ticketId: string,
  macro: { templateKind: string | null; categoryId: string | null },
  agentName: string,
): Promise<string | null> {
  if (!macro.templateKind) return null;
  const number = await db().ticket.findUnique({ where: { id: ticketId }, select: { number: true } });
  const ticket = number && (await getTicketWorkspace(formatReference(number.number)));
  if (!ticket) throw new DomainError("notFound", { of: "ticket" });
  const templates = await templatesForTicket({
    categoryId: macro.categoryId ?? ticket.category.id,
    locale: ticket.locale,
    values: ticketTemplateValues(ticket, agentName, await draftMoments(ticket)),
  });
  const body = templates.find((t) => t.kind === macro.templateKind)?.body;
  if (!body) throw new DomainError("invalidChange", { code: "macroTemplateMissing" });
  // What the ticket cannot fill yet ({resolution} before one is chosen) is not sent as a placeholder.
  if (unfilledPlaceholders(body).length) throw new DomainError("invalidChange", { code: "macroTemplateUnfilled" });
  return body;
}

/**
 * Applies a macro: each of its actions through the workspace's own command, all in one transaction
 * at the version the agent saw, so the gates are the workspace's and a refusal of any action (a
 * wait the protocol does not allow now, an inactive assignee, a conflict) leaves the ticket as it
 * was and says why. Actions that would change nothing are skipped. The reply's text is drafted from
 * the ticket as the agent saw it.
 */
export async function applyMacro(
  input: { ticketId: string; version: number; macroId: string },
  actor: Actor & { name: string },
  now = new Date(),
): Promise<{ nameEn: string; nameId: string }> {
  const [macro, ticket, me] = await Promise.all([
    db().macro.findFirst({ where: { id: input.macroId, active: true } }),
    db().ticket.findUnique({
      where: { id: input.ticketId },
      select: { teamId: true, categoryId: true, priority: true, assigneeId: true, waitingOnCustomer: true },
    }),
    db().user.findUnique({ where: { id: actor.id }, select: { teamId: true } }),
  ]);
  if (!ticket) throw new DomainError("notFound", { of: "ticket" });
  if (!macro || !macroTeams(ticket, { teamId: me?.teamId ?? null }).includes(macro.teamId))
    throw new DomainError("invalidChange", { code: "unknownMacro" });
  const body = await macroReply(input.ticketId, macro, actor.name);
  const assigneeId = macro.assignToSelf ? actor.id : macro.assigneeId;

  await db().$transaction(async (tx) => {
    // Each command claims the version the previous one left: the first the agent's, then one more each.
    let version = input.version;
    const step = async (command: (ref: TicketRef) => Promise<unknown>) => {
      await command({ ticketId: input.ticketId, version, tx });
      version += 1;
    };
    if (macro.categoryId && macro.categoryId !== ticket.categoryId)
      await step((ref) => changeCategory({ ...ref, categoryId: macro.categoryId!, reason: macro.nameEn, macro }, actor, now));
    if (macro.priority && macro.priority !== ticket.priority)
      await step((ref) => setPriority({ ...ref, priority: macro.priority! }, actor, now));
    if (assigneeId && assigneeId !== ticket.assigneeId) await step((ref) => assign({ ...ref, assigneeId }, actor, now));
    if (body !== null) {
      await step((ref) => reply({ ...ref, body, visibility: "PUBLIC", waitForCustomer: macro.waitForCustomer }, actor, now));
    } else if (macro.waitForCustomer && !ticket.waitingOnCustomer) {
      await step((ref) => setWaitingOnCustomer({ ...ref, waiting: true }, actor, now));
    }
    if (macro.internalNote)
      await step((ref) => reply({ ...ref, body: macro.internalNote!, visibility: "INTERNAL", waitForCustomer: false }, actor, now));
    // Nothing to change is still an answer to the version the agent saw: someone else's change wins.
    if (version === input.version && !(await tx.ticket.count({ where: { id: input.ticketId, version: input.version } })))
      throw new DomainError("conflict");
  });
  return { nameEn: macro.nameEn, nameId: macro.nameId };
}

/** The macros offered in a ticket's workspace to this agent. */
export async function macrosForWorkspace(ticket: { teamId: string | null }, agentId: string) {
  const agent = await db().user.findUnique({ where: { id: agentId }, select: { teamId: true } });
  return db().macro.findMany({
    where: { active: true, teamId: { in: macroTeams(ticket, { teamId: agent?.teamId ?? null }) } },
    select: { id: true, nameEn: true, nameId: true, team: { select: { nameEn: true, nameId: true } } },
  });
}
