export const ROLES = ["AGENT", "SUPERVISOR", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

// Each role can do everything the roles before it can.
const RANK: Record<Role, number> = { AGENT: 1, SUPERVISOR: 2, ADMIN: 3 };

export function roleAtLeast(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

/** Where each role starts its work after signing in: the agent's queue, the supervisor's board, the admin's home. */
export function homeFor(role: Role): string {
  return role === "ADMIN" ? "/admin" : role === "SUPERVISOR" ? "/supervisor" : "/agent";
}
