import { ROLES, type Role } from "../roles";

/**
 * Authority grows with the role: an approver may only approve within their own limit, so a
 * role allowed more than the role above it would grant amounts nobody could have approved.
 * Returns the role whose limit is out of order after the change, or null.
 */
export function authorityOutOfOrder(limits: Readonly<Partial<Record<Role, number>>>): Role | null {
  let previous = -Infinity;
  for (const role of ROLES) {
    const limit = limits[role];
    if (limit === undefined) continue;
    if (limit < previous) return role;
    previous = limit;
  }
  return null;
}
