import "server-only";
import { parseReference } from "@/domain/reference";
import { proposedAmount, proposeResolution } from "@/domain/resolution-proposal";
import { loadAuthorityLimits } from "@/features/protocol/authority-limits";
import { db } from "@/server/db/prisma";
import { loadFieldDefinitions } from "@/features/custom-fields/queries";
import { toWorkspaceView, workspaceSelect } from "./views";

/**
 * One ticket as an agent works it (see toWorkspaceView), with the choices the controls offer:
 * the category's resolution options with the one the framework proposes, the authority limits, the
 * categories and the staff. Plain values only, ready for client components.
 */
export async function getTicketWorkspace(reference: string) {
  const number = parseReference(reference);
  if (number === null) return null;
  const prisma = db();
  const ticket = await prisma.ticket.findUnique({ where: { number }, select: workspaceSelect(number) });
  if (!ticket) return null;

  const [options, categories, staff, rules, limits, fields] = await Promise.all([
    prisma.resolutionOption.findMany({
      where: { categoryId: ticket.category.id, active: true },
      orderBy: { sortOrder: "asc" },
      select: { id: true, kind: true, labelEn: true, labelId: true, defaultAmount: true },
    }),
    prisma.category.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select: { id: true, nameEn: true, nameId: true } }),
    prisma.user.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, role: true } }),
    prisma.resolutionProposal.findMany({
      where: { OR: [{ categoryId: ticket.category.id }, { categoryId: null }] },
      select: { categoryId: true, rootCause: true, ask: true, kind: true, amountRule: true },
    }),
    loadAuthorityLimits(prisma),
    loadFieldDefinitions(prisma),
  ]);
  const rule = proposeResolution(rules, {
    categoryId: ticket.category.id,
    rootCause: ticket.rootCause,
    ask: ticket.customerAsk,
    offered: options.map((o) => o.kind),
  });
  const proposed = rule && options.find((o) => o.kind === rule.kind)!;

  return {
    ...toWorkspaceView(ticket, new Map(staff.map((s) => [s.id, s.name]))),
    options: options.map((o) => ({ ...o, defaultAmount: o.defaultAmount?.toString() ?? null })),
    /** What the framework proposes, and the scope of the rule that proposed it (null: any). */
    proposal:
      rule && proposed
        ? {
            optionId: proposed.id,
            amount: proposedAmount(rule, {
              optionDefault: proposed.defaultAmount?.toString() ?? null,
              claimed: ticket.amount?.toString() ?? null,
            }),
            categoryScoped: rule.categoryId !== null,
            rootCause: rule.rootCause,
            ask: rule.ask,
          }
        : null,
    authorityLimits: limits,
    categories,
    staff,
    // Every definition: those of the ticket's category to fill, any other to label an old answer.
    fieldDefinitions: fields.map(({ id: _id, categoryId: _categoryId, ...f }) => f),
  };
}

export type TicketWorkspace = NonNullable<Awaited<ReturnType<typeof getTicketWorkspace>>>;
