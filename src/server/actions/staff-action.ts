import "server-only";
import type { z } from "zod";
import type { Role } from "@/domain/roles";
import { ForbiddenError, NotSignedInError, requireRole, type StaffUser } from "@/server/auth/session";

export type ActionResult = { ok: true } | { ok: false; error: string };

/**
 * The order every staff action follows: who is asking, may they, is the input sound,
 * then the work. Refusals come back as values; unexpected failures are logged, and
 * the caller sees a generic error rather than the exception's text.
 */
export async function runStaffAction<S extends z.ZodType>(
  role: Role,
  schema: S,
  input: unknown,
  run: (data: z.infer<S>, staff: StaffUser) => Promise<ActionResult>,
): Promise<ActionResult> {
  let staff: StaffUser;
  try {
    staff = await requireRole(role);
  } catch (error) {
    if (error instanceof NotSignedInError) return { ok: false, error: "notSignedIn" };
    if (error instanceof ForbiddenError) return { ok: false, error: "forbidden" };
    throw error;
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalidInput" };
  try {
    return await run(parsed.data, staff);
  } catch (error) {
    console.error("staff action failed", error);
    return { ok: false, error: "unexpected" };
  }
}
