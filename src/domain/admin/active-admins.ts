import type { Role } from "../roles";

export interface StaffStanding {
  id: string;
  role: Role;
  active: boolean;
}

/**
 * Whether a change to one staff member would leave nobody able to administer Tanggap.
 * Only an admin can undo a mistaken demotion or deactivation, so the last active admin
 * can be neither demoted nor deactivated — by themselves or by anyone else.
 */
export function leavesNoActiveAdmin(staff: readonly StaffStanding[], change: { id: string; role?: Role; active?: boolean }): boolean {
  const after = staff.map((s) => (s.id === change.id ? { ...s, role: change.role ?? s.role, active: change.active ?? s.active } : s));
  return !after.some((s) => s.active && s.role === "ADMIN");
}
