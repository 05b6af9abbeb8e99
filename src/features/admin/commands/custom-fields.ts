import "server-only";
import { DomainError } from "@/domain/errors";
import { isChoice, mergeOptions } from "@/domain/custom-fields";
import { isUniqueViolation } from "@/server/db/errors";
import { FIELD_COLUMNS } from "@/features/custom-fields/queries";
import { adminChange, type AdminActor } from "../admin-change";
import type { CreateCustomFieldInput, UpdateCustomFieldInput } from "../schemas";

const FIELD = FIELD_COLUMNS;

export async function createCustomField(actor: AdminActor, input: CreateCustomFieldInput): Promise<void> {
  await adminChange(actor, async ({ tx, audit }) => {
    if (!(await tx.category.findUnique({ where: { id: input.categoryId }, select: { id: true } })))
      throw new DomainError("adminRefused", { code: "categoryNotFound" });
    if (isChoice(input.type) && input.options.length === 0)
      throw new DomainError("adminRefused", { code: "optionsNeeded", field: "options" });
    const field = await tx.customField.create({
      data: { ...input, options: isChoice(input.type) ? input.options.map((o) => ({ ...o })) : [] },
      select: FIELD,
    });
    await audit({ entity: "CustomField", entityId: field.id, action: "customField.created", after: field });
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new DomainError("adminRefused", { code: "fieldKeyTaken", field: "key" });
    throw error;
  });
}

/**
 * Relabels, reorders, moves between customer-facing and internal, makes required or optional,
 * archives. Nothing here touches stored answers: an option left out is kept, retired, and an
 * archived field keeps its answers on every ticket.
 */
export function updateCustomField(actor: AdminActor, input: UpdateCustomFieldInput): Promise<void> {
  return adminChange(actor, async ({ tx, audit }) => {
    const before = await tx.customField.findUnique({ where: { id: input.fieldId }, select: FIELD });
    if (!before) throw new DomainError("adminRefused", { code: "fieldNotFound" });
    const previous = Array.isArray(before.options) ? (before.options as unknown as Parameters<typeof mergeOptions>[0]) : [];
    const options = isChoice(before.type) ? mergeOptions(previous, input.options) : [];
    if (isChoice(before.type) && !options.some((o) => !o.retired))
      throw new DomainError("adminRefused", { code: "optionsNeeded", field: "options" });
    const { fieldId, ...data } = input;
    const after = await tx.customField.update({
      where: { id: fieldId },
      data: { ...data, options: options.map((o) => ({ ...o })) },
      select: FIELD,
    });
    await audit({ entity: "CustomField", entityId: fieldId, action: "customField.updated", before, after });
  });
}
