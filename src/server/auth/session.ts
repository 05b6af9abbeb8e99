import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { DomainError } from "@/domain/errors";
import { roleAtLeast, type Role } from "@/domain/roles";
import { db } from "../db/prisma";
import { auth } from "./auth";

export interface StaffUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The signed-in staff member as the database has them now, or null. Once per request. A session
 * signed in before the person's session version last rose (sign-out, new password, deactivation,
 * new role, "sign out everywhere") is refused, wherever its cookie was copied to.
 */
export const currentStaff = cache(async (): Promise<StaffUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id || !UUID.test(id) || typeof session.sessionVersion !== "number") return null;
  const user = await db().user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, role: true, teamId: true, active: true, sessionVersion: true },
  });
  if (!user?.active || user.sessionVersion !== session.sessionVersion) return null;
  const { active: _active, sessionVersion: _version, ...staff } = user;
  return staff;
});

/** For server actions and route handlers: the staff member, or a DomainError the caller maps to 401/403. */
export async function requireRole(role: Role): Promise<StaffUser> {
  const staff = await currentStaff();
  if (!staff) throw new DomainError("notSignedIn");
  if (!roleAtLeast(staff.role, role)) throw new DomainError("forbidden");
  return staff;
}

/** For pages: signed-out visitors go to /login and come back; too low a role gets the 403 page. */
export async function requireRoleForPage(role: Role, returnTo: string): Promise<StaffUser> {
  const staff = await currentStaff();
  if (!staff) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!roleAtLeast(staff.role, role)) forbidden();
  return staff;
}
