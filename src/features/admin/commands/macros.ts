import "server-only";
import type { z } from "zod";
import { DomainError } from "@/domain/errors";
import { isUniqueViolation, violatedFields } from "@/server/db/errors";
import { adminChange, type AdminActor } from "../admin-change";
import type { saveMacroSchema } from "../schemas";

/** A macro's own columns: what its admin changes write and audit, and what the admin page lists. */
export const MACRO_FIELDS = {
  id: true,
  teamId: true,
  nameEn: true,
  nameId: true,
  templateKind: true,
  priority: true,
  assignToSelf: true,
  assigneeId: true,
  categoryId: true,
  waitForCustomer: true,
  internalNote: true,
  active: true,
} as const;

/**
 * Creates or changes a team's macro. What it names must exist now (the team, an active category, an
 * active member of staff); whether its actions fit a ticket is decided when it is applied, by the
 * same commands as the workspace.
 */
export function saveMacro(actor: AdminActor, input: z.infer<typeof saveMacroSchema>): Promise<{ macroId: string }> {
  return adminChange(actor, async ({ tx, audit }) => {
    if (!(await tx.team.findUnique({ where: { id: input.teamId }, select: { id: true } })))
      throw new DomainError("adminRefused", { code: "teamNotFound", field: "teamId" });
    if (input.categoryId && !(await tx.category.findFirst({ where: { id: input.categoryId, active: true }, select: { id: true } })))
      throw new DomainError("adminRefused", { code: "categoryNotFound", field: "categoryId" });
    const assigneeId = input.assignee === "" || input.assignee === "self" ? null : input.assignee;
    if (assigneeId && !(await tx.user.findFirst({ where: { id: assigneeId, active: true }, select: { id: true } })))
      throw new DomainError("adminRefused", { code: "staffNotFound", field: "assignee" });
    const data = {
      teamId: input.teamId,
      nameEn: input.nameEn,
      nameId: input.nameId,
      templateKind: input.templateKind,
      priority: input.priority,
      assignToSelf: input.assignee === "self",
      assigneeId,
      categoryId: input.categoryId,
      waitForCustomer: input.waitForCustomer,
      internalNote: input.internalNote,
      active: input.active,
    };
    if (
      !data.templateKind &&
      !data.priority &&
      !data.assignToSelf &&
      !data.assigneeId &&
      !data.categoryId &&
      !data.waitForCustomer &&
      !data.internalNote
    )
      throw new DomainError("adminRefused", { code: "macroEmpty" });

    if (!input.macroId) {
      const after = await tx.macro.create({ data, select: MACRO_FIELDS });
      await audit({ entity: "Macro", entityId: after.id, action: "macro.created", after });
      return { macroId: after.id };
    }
    const before = await tx.macro.findUnique({ where: { id: input.macroId }, select: MACRO_FIELDS });
    if (!before) throw new DomainError("adminRefused", { code: "macroNotFound" });
    const after = await tx.macro.update({ where: { id: input.macroId }, data, select: MACRO_FIELDS });
    await audit({ entity: "Macro", entityId: after.id, action: "macro.updated", before, after });
    return { macroId: after.id };
  }).catch((error: unknown) => {
    // A team's macro names are unique in each language: the refusal points at the one taken.
    if (isUniqueViolation(error))
      throw new DomainError("adminRefused", {
        code: "macroNameTaken",
        field: violatedFields(error).includes("nameId") ? "nameId" : "nameEn",
      });
    throw error;
  });
}
