import "server-only";
import { DomainError } from "@/domain/errors";
import { adminChange, type AdminActor } from "../admin-change";
import type { SlaTargetInput } from "../schemas";

const TARGET = {
  id: true,
  categoryId: true,
  priority: true,
  stage: true,
  businessMinutes: true,
  atRiskPercent: true,
  calendarId: true,
} as const;

/**
 * Sets the target for one category × priority × stage (null: the fallback for all). A stage
 * already running keeps the deadline it started with; stages started from now on get this one
 * (see features/protocol/clock.ts).
 */
export function saveSlaTarget(actor: AdminActor, input: SlaTargetInput): Promise<{ targetId: string }> {
  return adminChange(actor, async ({ tx, audit }) => {
    if (input.categoryId && !(await tx.category.findUnique({ where: { id: input.categoryId }, select: { id: true } })))
      throw new DomainError("adminRefused", { code: "categoryNotFound", field: "categoryId" });
    // Deadlines are counted in the default calendar; the target records which one it was set against.
    const calendar = await tx.businessCalendar.findFirst({ where: { isDefault: true }, select: { id: true } });
    if (!calendar) throw new DomainError("adminRefused", { code: "noDefaultCalendar" });
    // The unique key has nullable columns, which an upsert cannot address: look, then write.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tanggap.sla-targets'))`;
    const before = await tx.slaTarget.findFirst({
      where: { categoryId: input.categoryId, priority: input.priority, stage: input.stage },
      select: TARGET,
    });
    const data = { businessMinutes: input.businessMinutes, atRiskPercent: input.atRiskPercent, calendarId: calendar.id };
    const after = before
      ? await tx.slaTarget.update({ where: { id: before.id }, data, select: TARGET })
      : await tx.slaTarget.create({
          data: { ...data, categoryId: input.categoryId, priority: input.priority, stage: input.stage },
          select: TARGET,
        });
    await audit({ entity: "SlaTarget", entityId: after.id, action: before ? "sla.updated" : "sla.created", before, after });
    return { targetId: after.id };
  });
}

/** Removes a specific target, so the fallback applies again. The fallback of a stage stays: edit it instead. */
export function deleteSlaTarget(actor: AdminActor, input: { targetId: string }): Promise<void> {
  return adminChange(actor, async ({ tx, audit }) => {
    const before = await tx.slaTarget.findUnique({ where: { id: input.targetId }, select: TARGET });
    if (!before) throw new DomainError("adminRefused", { code: "targetNotFound" });
    if (before.categoryId === null && before.priority === null) throw new DomainError("adminRefused", { code: "fallbackTarget" });
    await tx.slaTarget.delete({ where: { id: input.targetId } });
    await audit({ entity: "SlaTarget", entityId: input.targetId, action: "sla.deleted", before });
  });
}
