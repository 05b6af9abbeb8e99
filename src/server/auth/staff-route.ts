import "server-only";
import { isDomainError } from "@/domain/errors";
import type { Role } from "@/domain/roles";
import { requireRole, type StaffUser } from "./session";

// The staff download routes (CSV exports) answer in plain text when they refuse: one place for the
// answer and for the session and role check every such route makes first.

/** A short plain-text answer that no cache keeps. */
export function plainResponse(status: number, message: string): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}

/** The signed-in member of staff with at least `role`, or the 401/403 answer to return instead. */
export async function staffForRoute(role: Role): Promise<StaffUser | Response> {
  try {
    return await requireRole(role);
  } catch (error) {
    if (isDomainError(error, "notSignedIn")) return plainResponse(401, "Sign in to continue.");
    if (isDomainError(error, "forbidden")) return plainResponse(403, "Your role does not allow this.");
    throw error;
  }
}
