import "server-only";
import type { z } from "zod";
import { DomainError } from "@/domain/errors";
import { adminChange, type AdminActor } from "../admin-change";
import type { qualityCriterionSchema } from "../schemas";

export const CRITERION_FIELDS = { id: true, labelEn: true, labelId: true, maxScore: true, sortOrder: true, active: true } as const;

/**
 * Adds a criterion to the quality rubric or changes one. A criterion is retired, never deleted:
 * each score keeps its own maximum, so changing or retiring a criterion never rewrites a review.
 */
export function saveQualityCriterion(actor: AdminActor, input: z.infer<typeof qualityCriterionSchema>): Promise<{ criterionId: string }> {
  return adminChange(actor, async ({ tx, audit }) => {
    const data = {
      labelEn: input.labelEn,
      labelId: input.labelId,
      maxScore: input.maxScore,
      sortOrder: input.sortOrder,
      active: input.active,
    };
    if (!input.criterionId) {
      const after = await tx.qualityCriterion.create({ data, select: CRITERION_FIELDS });
      await audit({ entity: "QualityCriterion", entityId: after.id, action: "qualityCriterion.created", after });
      return { criterionId: after.id };
    }
    const before = await tx.qualityCriterion.findUnique({ where: { id: input.criterionId }, select: CRITERION_FIELDS });
    if (!before) throw new DomainError("adminRefused", { code: "criterionNotFound" });
    const after = await tx.qualityCriterion.update({ where: { id: input.criterionId }, data, select: CRITERION_FIELDS });
    await audit({ entity: "QualityCriterion", entityId: after.id, action: "qualityCriterion.updated", before, after });
    return { criterionId: after.id };
  });
}
