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

/** The signed-in staff member as the database has them now, or null. Once per request. */
export const currentStaff = cache(async (): Promise<StaffUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id || !UUID.test(id)) return null;
  const user = await db().user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, role: true, teamId: true, active: true },
  });
  if (!user?.active) return null;
  const { active: _active, ...staff } = user;
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
