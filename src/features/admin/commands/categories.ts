import "server-only";
import { authorityOutOfOrder } from "@/domain/admin/authority";
import { needsAmount } from "@/domain/resolution";
import type { Role } from "@/domain/roles";
import { isUniqueViolation } from "@/server/db/errors";
import { DomainError } from "@/domain/errors";
import { adminChange, type AdminActor } from "../admin-change";
import type { ResolutionOptionInput } from "../schemas";

const CATEGORY = { id: true, code: true, nameEn: true, nameId: true, active: true, sortOrder: true, teamId: true } as const;
const OPTION = {
  id: true,
  categoryId: true,
  kind: true,
  labelEn: true,
  labelId: true,
  defaultAmount: true,
  active: true,
  sortOrder: true,
} as const;

export async function createCategory(
  actor: AdminActor,
  input: { code: string; nameEn: string; nameId: string; sortOrder: number },
): Promise<{ categoryId: string }> {
  return adminChange(actor, async ({ tx, audit }) => {
    const category = await tx.category.create({ data: input, select: CATEGORY });
    await audit({ entity: "Category", entityId: category.id, action: "category.created", after: category });
    return { categoryId: category.id };
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new DomainError("adminRefused", { code: "categoryCodeTaken", field: "code" });
    throw error;
  });
}

/** Renames, orders and (de)activates a category. An inactive one leaves the public form; its tickets stay. */
export function updateCategory(
  actor: AdminActor,
  input: { categoryId: string; nameEn: string; nameId: string; sortOrder: number; active: boolean },
): Promise<void> {
  return adminChange(actor, async ({ tx, audit }) => {
    const before = await tx.category.findUnique({ where: { id: input.categoryId }, select: CATEGORY });
    if (!before) throw new DomainError("adminRefused", { code: "categoryNotFound" });
    if (!input.active && before.active && (await tx.category.count({ where: { active: true } })) === 1)
      throw new DomainError("adminRefused", { code: "lastCategory", field: "active" });
    const { categoryId, ...data } = input;
    const after = await tx.category.update({ where: { id: categoryId }, data, select: CATEGORY });
    await audit({ entity: "Category", entityId: categoryId, action: "category.updated", before, after });
  });
}

/** One option per kind in a category: saving a kind that exists edits it. */
export function saveResolutionOption(actor: AdminActor, input: ResolutionOptionInput): Promise<void> {
  return adminChange(actor, async ({ tx, audit }) => {
    if (!(await tx.category.findUnique({ where: { id: input.categoryId }, select: { id: true } })))
      throw new DomainError("adminRefused", { code: "categoryNotFound" });
    // An apology or an explanation hands over nothing: a default amount there would mislead the agent.
    if (input.defaultAmount !== null && !needsAmount(input.kind))
      throw new DomainError("adminRefused", { code: "amountNotForKind", field: "defaultAmount" });
    const key = { categoryId_kind: { categoryId: input.categoryId, kind: input.kind } };
    const before = await tx.resolutionOption.findUnique({ where: key, select: OPTION });
    const data = {
      labelEn: input.labelEn,
      labelId: input.labelId,
      defaultAmount: input.defaultAmount,
      active: input.active,
      sortOrder: input.sortOrder,
    };
    const after = before
      ? await tx.resolutionOption.update({ where: key, data, select: OPTION })
      : await tx.resolutionOption.create({ data: { ...data, categoryId: input.categoryId, kind: input.kind }, select: OPTION });
    await audit({ entity: "ResolutionOption", entityId: after.id, action: before ? "option.updated" : "option.created", before, after });
  });
}

/** What a role may grant without approval. Takes effect on the next resolution chosen. */
export function setAuthorityLimit(actor: AdminActor, input: { role: Role; maxAmount: string }): Promise<void> {
  return adminChange(actor, async ({ tx, audit }) => {
    const rows = await tx.authorityLimit.findMany({ select: { role: true, maxAmount: true, currency: true } });
    const before = rows.find((r) => r.role === input.role) ?? null;
    const limits = Object.fromEntries(rows.map((r) => [r.role, Number(r.maxAmount)]));
    limits[input.role] = Number(input.maxAmount);
    const outOfOrder = authorityOutOfOrder(limits);
    if (outOfOrder)
      throw new DomainError("adminRefused", { code: "authorityOutOfOrder", field: "maxAmount", values: { role: outOfOrder } });
    const after = await tx.authorityLimit.upsert({
      where: { role: input.role },
      create: { role: input.role, maxAmount: input.maxAmount },
      update: { maxAmount: input.maxAmount },
      select: { role: true, maxAmount: true, currency: true },
    });
    await audit({ entity: "AuthorityLimit", entityId: input.role, action: "authority.changed", before, after });
  });
}
