import "server-only";
import { isUniqueViolation } from "@/server/db/errors";
import { DomainError } from "@/domain/errors";
import { adminChange, type AdminActor } from "../admin-change";

function nameTaken(error: unknown): never {
  if (isUniqueViolation(error)) throw new DomainError("adminRefused", { code: "teamNameTaken", field: "nameEn" });
  throw error;
}

const NAMES = { id: true, nameEn: true, nameId: true } as const;

export async function createTeam(actor: AdminActor, input: { nameEn: string; nameId: string }): Promise<{ teamId: string }> {
  return adminChange(actor, async ({ tx, audit }) => {
    const team = await tx.team.create({ data: { nameEn: input.nameEn, nameId: input.nameId }, select: NAMES });
    await audit({ entity: "Team", entityId: team.id, action: "team.created", after: team });
    return { teamId: team.id };
  }).catch(nameTaken);
}

export async function renameTeam(actor: AdminActor, input: { teamId: string; nameEn: string; nameId: string }): Promise<void> {
  return adminChange(actor, async ({ tx, audit }) => {
    const before = await tx.team.findUnique({ where: { id: input.teamId }, select: NAMES });
    if (!before) throw new DomainError("adminRefused", { code: "teamNotFound" });
    const after = await tx.team.update({
      where: { id: input.teamId },
      data: { nameEn: input.nameEn, nameId: input.nameId },
      select: NAMES,
    });
    await audit({ entity: "Team", entityId: input.teamId, action: "team.renamed", before, after });
  }).catch(nameTaken);
}

/**
 * Which team handles a category: new complaints in it go to that team's queue. Tickets
 * already filed keep the team they were given.
 */
export function setCategoryTeam(actor: AdminActor, input: { categoryId: string; teamId: string | null }): Promise<void> {
  return adminChange(actor, async ({ tx, audit }) => {
    const before = await tx.category.findUnique({ where: { id: input.categoryId }, select: { id: true, code: true, teamId: true } });
    if (!before) throw new DomainError("adminRefused", { code: "categoryNotFound" });
    if (input.teamId && !(await tx.team.findUnique({ where: { id: input.teamId }, select: { id: true } })))
      throw new DomainError("adminRefused", { code: "teamNotFound", field: "teamId" });
    const after = await tx.category.update({
      where: { id: input.categoryId },
      data: { teamId: input.teamId },
      select: { id: true, code: true, teamId: true },
    });
    await audit({ entity: "Category", entityId: input.categoryId, action: "category.teamChanged", before, after });
  });
}
