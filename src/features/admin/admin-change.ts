import "server-only";
import { DomainError } from "@/domain/errors";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db/prisma";
import type { AuditAction } from "./audit-actions";

type Tx = Prisma.TransactionClient;

export interface AdminActor {
  id: string;
}

export interface AuditEntry {
  entity: string;
  entityId: string;
  action: AuditAction;
  before?: unknown;
  after?: unknown;
}

export interface AdminContext {
  tx: Tx;
  /** Appends an audit row in this transaction: the change and its record stand or fall together. */
  audit: (entry: AuditEntry) => Promise<void>;
}

// Decimals become strings and dates ISO strings, as they would in any JSON reader.
function json(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined || value === null ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}

/**
 * The one way an admin setting changes: in a single transaction, re-check that the actor is an
 * active admin (the page and the action checked the session; this holds for any other caller
 * too), make the change and write its audit rows.
 */
export function adminChange<R>(actor: AdminActor, run: (ctx: AdminContext) => Promise<R>): Promise<R> {
  return db().$transaction(async (tx) => {
    const me = await tx.user.findUnique({ where: { id: actor.id }, select: { role: true, active: true } });
    if (!me?.active || me.role !== "ADMIN") throw new DomainError("forbidden", undefined, "Only an active admin may change this.");
    const audit = async (entry: AuditEntry) => {
      await tx.auditLog.create({
        data: {
          actorId: actor.id,
          entity: entry.entity,
          entityId: entry.entityId,
          action: entry.action,
          before: json(entry.before),
          after: json(entry.after),
        },
      });
    };
    return run({ tx, audit });
  });
}
