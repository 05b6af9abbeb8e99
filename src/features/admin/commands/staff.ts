import "server-only";
import { leavesNoActiveAdmin } from "@/domain/admin/active-admins";
import type { Role } from "@/domain/roles";
import type { Prisma } from "@/generated/prisma/client";
import { hashPassword } from "@/server/auth/password";
import { isUniqueViolation } from "@/server/db/errors";
import { DomainError } from "@/domain/errors";
import { adminChange, type AdminActor } from "../admin-change";
import type { CreateStaffInput } from "../schemas";

type Tx = Prisma.TransactionClient;

// Raising a user's session version ends every session they have (src/server/auth/session.ts).
const END_SESSIONS = { sessionVersion: { increment: 1 } } as const;

// What the audit log keeps of a user: never the password hash.
const STAFF = { id: true, name: true, email: true, role: true, teamId: true, locale: true, active: true } as const;

async function staffOrRefuse(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: STAFF });
  if (!user) throw new DomainError("adminRefused", { code: "staffNotFound" });
  return user;
}

async function teamOrRefuse(tx: Tx, teamId: string | null) {
  if (teamId && !(await tx.team.findUnique({ where: { id: teamId }, select: { id: true } })))
    throw new DomainError("adminRefused", { code: "teamNotFound", field: "teamId" });
}

/**
 * Refuses a change that would leave no active admin. Changes to roles and activity are
 * serialised by a transaction lock, so two admins demoting each other at once cannot both pass.
 */
async function keepOneActiveAdmin(tx: Tx, change: { id: string; role?: Role; active?: boolean }) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tanggap.admin-roles'))`;
  const admins = await tx.user.findMany({
    where: { OR: [{ role: "ADMIN", active: true }, { id: change.id }] },
    select: { id: true, role: true, active: true },
  });
  if (leavesNoActiveAdmin(admins, change))
    throw new DomainError("adminRefused", { code: "lastAdmin", field: change.role ? "role" : undefined });
}

export async function createStaff(actor: AdminActor, input: CreateStaffInput): Promise<{ userId: string }> {
  // Hashing takes a while on purpose; it happens before the transaction, not inside it.
  const passwordHash = await hashPassword(input.password);
  try {
    return await adminChange(actor, async ({ tx, audit }) => {
      await teamOrRefuse(tx, input.teamId);
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, role: input.role, teamId: input.teamId, locale: input.locale, passwordHash },
        select: STAFF,
      });
      await audit({ entity: "User", entityId: user.id, action: "user.created", after: user });
      return { userId: user.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("adminRefused", { code: "emailTaken", field: "email" });
    throw error;
  }
}

export function updateStaff(actor: AdminActor, input: { userId: string; role: Role; teamId: string | null }): Promise<void> {
  return adminChange(actor, async ({ tx, audit }) => {
    const before = await staffOrRefuse(tx, input.userId);
    await teamOrRefuse(tx, input.teamId);
    const roleChanges = before.role !== input.role;
    if (roleChanges) await keepOneActiveAdmin(tx, { id: input.userId, role: input.role });
    // A new role starts from a new sign-in: no session keeps what the old role let it see.
    const after = await tx.user.update({
      where: { id: input.userId },
      data: { role: input.role, teamId: input.teamId, ...(roleChanges ? END_SESSIONS : {}) },
      select: STAFF,
    });
    await audit({ entity: "User", entityId: input.userId, action: "user.updated", before, after });
  });
}

export async function resetStaffPassword(actor: AdminActor, input: { userId: string; password: string }): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await adminChange(actor, async ({ tx, audit }) => {
    const before = await staffOrRefuse(tx, input.userId);
    const { updatedAt } = await tx.user.update({
      where: { id: input.userId },
      data: { passwordHash, ...END_SESSIONS },
      select: { updatedAt: true },
    });
    // The hash itself is a secret: the record says when the password was replaced, and by whom.
    await audit({
      entity: "User",
      entityId: input.userId,
      action: "user.passwordReset",
      before: { email: before.email, password: "(previous)" },
      after: { email: before.email, password: "(reset)", at: updatedAt },
    });
  });
}

/**
 * Deactivation, never deletion: the person's history stays attributed. Takes effect on their next
 * request, and either way ends their sessions, so a reactivation does not revive an old cookie.
 */
export function setStaffActive(actor: AdminActor, input: { userId: string; active: boolean }): Promise<void> {
  return adminChange(actor, async ({ tx, audit }) => {
    const before = await staffOrRefuse(tx, input.userId);
    if (before.active === input.active) return;
    if (!input.active) await keepOneActiveAdmin(tx, { id: input.userId, active: false });
    const after = await tx.user.update({ where: { id: input.userId }, data: { active: input.active, ...END_SESSIONS }, select: STAFF });
    await audit({ entity: "User", entityId: input.userId, action: input.active ? "user.reactivated" : "user.deactivated", before, after });
  });
}

/** "Sign out everywhere", for someone else: a lost laptop, a shared computer, a doubt. */
export function endStaffSessions(actor: AdminActor, input: { userId: string }): Promise<void> {
  return adminChange(actor, async ({ tx, audit }) => {
    const { email } = await staffOrRefuse(tx, input.userId);
    const { updatedAt } = await tx.user.update({ where: { id: input.userId }, data: END_SESSIONS, select: { updatedAt: true } });
    await audit({ entity: "User", entityId: input.userId, action: "user.sessionsEnded", after: { email, at: updatedAt } });
  });
}
