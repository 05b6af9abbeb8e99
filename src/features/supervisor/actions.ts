"use server";

import { DomainError, isDomainError } from "@/domain/errors";
import { assign } from "@/features/protocol/commands";
import { action } from "@/lib/actions/action";
import { bulkReassignSchema } from "./schemas";

/** Supervisors move several tickets to one person at once; each keeps its own conflict check. */
export const bulkReassignAction = action({
  role: "SUPERVISOR",
  schema: bulkReassignSchema,
  input: (f) => ({ tickets: f.getAll("tickets"), assigneeId: f.get("assigneeId") ?? "" }),
  revalidate: ["/supervisor"],
  run: async ({ tickets, assigneeId }, { staff, t }) => {
    let moved = 0;
    let stale = 0;
    for (const ticket of tickets) {
      try {
        await assign({ ...ticket, assigneeId }, { id: staff.id, role: staff.role });
        moved++;
      } catch (error) {
        // A ticket changed or gone since the board was drawn is skipped; the others still move.
        if (isDomainError(error, "conflict") || isDomainError(error, "notFound")) stale++;
        else throw error;
      }
    }
    if (stale) return new DomainError("partlyStale", { done: moved, stale });
    return { message: t("board.reassigned", { count: moved }) };
  },
});
