import "server-only";
import { DomainError } from "@/domain/errors";
import { needsAmount } from "@/domain/resolution";
import { adminChange, type AdminActor } from "../admin-change";
import type { ProposalInput } from "../schemas";

const PROPOSAL = {
  id: true,
  categoryId: true,
  rootCause: true,
  ask: true,
  kind: true,
  amountRule: true,
  category: { select: { code: true } },
} as const;

/**
 * The rule as its audit row names it: "PAYMENT_PROBLEM × * → GOODWILL_GIFT", with "× EXCHANGE" when it
 * names an ask; codes being the same in both languages.
 */
function described<R extends { category: { code: string } | null; rootCause: string | null; ask: string | null; kind: string }>(row: R) {
  const ask = row.ask ? ` × ${row.ask}` : "";
  return { ...row, code: `${row.category?.code ?? "*"} × ${row.rootCause ?? "*"}${ask} → ${row.kind}` };
}

/**
 * Sets what the framework proposes for one category × root cause × customer's ask (null: any). Saving a scope that
 * has a rule replaces what it proposes. Applies to the next ticket that reaches RESOLVE, and to a
 * ticket already there when its workspace is next opened: a proposal is a starting point, never a choice made.
 */
export function saveProposal(actor: AdminActor, input: ProposalInput): Promise<{ proposalId: string }> {
  return adminChange(actor, async ({ tx, audit }) => {
    if (input.amountRule !== null && !needsAmount(input.kind))
      throw new DomainError("adminRefused", { code: "amountNotForKind", field: "amountRule" });
    if (input.categoryId) {
      const category = await tx.category.findUnique({
        where: { id: input.categoryId },
        select: { options: { where: { kind: input.kind }, select: { id: true } } },
      });
      if (!category) throw new DomainError("adminRefused", { code: "categoryNotFound", field: "categoryId" });
      // A rule for one category proposing what it does not offer would never apply: say so now.
      if (category.options.length === 0) throw new DomainError("adminRefused", { code: "kindNotOffered", field: "kind" });
    }
    // The scope has nullable columns, which a unique key cannot cover: look, then write, one admin at a time.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tanggap.resolution-proposals'))`;
    const before = await tx.resolutionProposal.findFirst({
      where: { categoryId: input.categoryId, rootCause: input.rootCause, ask: input.ask },
      select: PROPOSAL,
    });
    const data = { kind: input.kind, amountRule: input.amountRule };
    const after = before
      ? await tx.resolutionProposal.update({ where: { id: before.id }, data, select: PROPOSAL })
      : await tx.resolutionProposal.create({
          data: { ...data, categoryId: input.categoryId, rootCause: input.rootCause, ask: input.ask },
          select: PROPOSAL,
        });
    await audit({
      entity: "ResolutionProposal",
      entityId: after.id,
      action: before ? "proposal.updated" : "proposal.created",
      before: before && described(before),
      after: described(after),
    });
    return { proposalId: after.id };
  });
}

/** Removes a rule: the next more general one (or none) proposes instead. */
export function deleteProposal(actor: AdminActor, input: { proposalId: string }): Promise<void> {
  return adminChange(actor, async ({ tx, audit }) => {
    const before = await tx.resolutionProposal.findUnique({ where: { id: input.proposalId }, select: PROPOSAL });
    if (!before) throw new DomainError("adminRefused", { code: "proposalNotFound" });
    await tx.resolutionProposal.delete({ where: { id: input.proposalId } });
    await audit({ entity: "ResolutionProposal", entityId: input.proposalId, action: "proposal.deleted", before: described(before) });
  });
}
