import "server-only";
import { DomainError } from "@/domain/errors";
import { adminChange, type AdminActor } from "../admin-change";
import type { TemplateInput } from "../schemas";

const TEMPLATE = { id: true, kind: true, locale: true, categoryId: true, subject: true, body: true } as const;

/** Saves the template for one kind × category × language (no category: the fallback for all). */
export function saveTemplate(actor: AdminActor, input: TemplateInput): Promise<{ templateId: string }> {
  return adminChange(actor, async ({ tx, audit }) => {
    if (input.categoryId && !(await tx.category.findUnique({ where: { id: input.categoryId }, select: { id: true } })))
      throw new DomainError("adminRefused", { code: "categoryNotFound", field: "categoryId" });
    // Nullable category in the unique key: look, then write, one writer at a time.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tanggap.templates'))`;
    const before = await tx.messageTemplate.findFirst({
      where: { kind: input.kind, locale: input.locale, categoryId: input.categoryId },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      select: TEMPLATE,
    });
    const data = { subject: input.subject, body: input.body };
    const after = before
      ? await tx.messageTemplate.update({ where: { id: before.id }, data, select: TEMPLATE })
      : await tx.messageTemplate.create({
          data: { ...data, kind: input.kind, locale: input.locale, categoryId: input.categoryId },
          select: TEMPLATE,
        });
    await audit({ entity: "MessageTemplate", entityId: after.id, action: before ? "template.updated" : "template.created", before, after });
    return { templateId: after.id };
  });
}

/** Removes a category's own template, so the fallback applies again. Fallbacks stay: edit them instead. */
export function deleteTemplate(actor: AdminActor, input: { templateId: string }): Promise<void> {
  return adminChange(actor, async ({ tx, audit }) => {
    const before = await tx.messageTemplate.findUnique({ where: { id: input.templateId }, select: TEMPLATE });
    if (!before) throw new DomainError("adminRefused", { code: "templateNotFound" });
    if (before.categoryId === null) throw new DomainError("adminRefused", { code: "fallbackTemplate" });
    await tx.messageTemplate.delete({ where: { id: input.templateId } });
    await audit({ entity: "MessageTemplate", entityId: input.templateId, action: "template.deleted", before });
  });
}
