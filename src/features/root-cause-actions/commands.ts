import "server-only";
import { DomainError } from "@/domain/errors";
import { db } from "@/server/db/prisma";
import type { RecordRootCauseActionInput, SetRootCauseActionStatusInput } from "./schemas";

/** Records what will be done about a category × root cause, by whom and by when. */
export async function recordRootCauseAction(recorder: { id: string }, input: RecordRootCauseActionInput): Promise<{ actionId: string }> {
  return db().$transaction(async (tx) => {
    if (!(await tx.category.findFirst({ where: { id: input.categoryId, active: true }, select: { id: true } })))
      throw new DomainError("supervisorRefused", { code: "categoryNotFound", field: "categoryId" });
    if (!(await tx.user.findFirst({ where: { id: input.ownerId, active: true }, select: { id: true } })))
      throw new DomainError("supervisorRefused", { code: "ownerNotFound", field: "ownerId" });
    const created = await tx.rootCauseAction.create({
      data: {
        categoryId: input.categoryId,
        rootCause: input.rootCause,
        description: input.description,
        ownerId: input.ownerId,
        dueDate: new Date(`${input.dueDate}T00:00:00Z`),
        createdById: recorder.id,
      },
      select: { id: true },
    });
    return { actionId: created.id };
  });
}

/** Done stamps the moment, from which the effectiveness check counts; reopening clears it. */
export async function setRootCauseActionStatus(input: SetRootCauseActionStatusInput, now = new Date()): Promise<void> {
  const { count } = await db().rootCauseAction.updateMany({
    where: { id: input.actionId, status: input.status === "DONE" ? "OPEN" : "DONE" },
    data: { status: input.status, doneAt: input.status === "DONE" ? now : null },
  });
  if (count === 0 && !(await db().rootCauseAction.findUnique({ where: { id: input.actionId }, select: { id: true } })))
    throw new DomainError("supervisorRefused", { code: "actionNotFound" });
}
