"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { fieldErrors, type FormState } from "@/lib/forms/form-state";
import { InvalidChangeError, TicketConflictError, TicketNotFoundError } from "@/features/protocol/change-ticket";
import { assign } from "@/features/protocol/commands";
import { ForbiddenError, NotSignedInError, requireRole } from "@/server/auth/session";
import { bulkReassignSchema } from "./schemas";

type State = FormState<{ message: string }>;

/** Supervisors move several tickets to one person at once; each keeps its own conflict check. */
export async function bulkReassignAction(_previous: State, formData: FormData): Promise<State> {
  const t = await getTranslations();
  let actor;
  try {
    const staff = await requireRole("SUPERVISOR");
    actor = { id: staff.id, role: staff.role };
  } catch (error) {
    const code = error instanceof NotSignedInError ? "notSignedIn" : error instanceof ForbiddenError ? "forbidden" : null;
    if (!code) throw error;
    return { status: "error", message: t(`protocol.${code}`), fieldErrors: {}, values: {}, code };
  }
  const parsed = bulkReassignSchema.safeParse({ tickets: formData.getAll("tickets"), assigneeId: formData.get("assigneeId") ?? "" });
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error, t);
    const chooseTickets = parsed.error.issues.some((i) => i.message === "chooseTickets");
    return {
      status: "error",
      message: chooseTickets ? t("board.chooseTickets") : t("errors.fixFields"),
      fieldErrors: errors,
      values: {},
      code: "invalidInput",
    };
  }
  let moved = 0;
  let stale = 0;
  for (const ticket of parsed.data.tickets) {
    try {
      await assign({ ...ticket, assigneeId: parsed.data.assigneeId }, actor);
      moved++;
    } catch (error) {
      if (error instanceof TicketConflictError || error instanceof TicketNotFoundError) stale++;
      else if (error instanceof InvalidChangeError)
        return { status: "error", message: t(`protocol.invalid.${error.code}`), fieldErrors: {}, values: {}, code: error.code };
      else throw error;
    }
  }
  revalidatePath("/supervisor");
  const message = t("board.reassigned", { count: moved }) + (stale ? ` ${t("board.someChanged", { count: stale })}` : "");
  return stale ? { status: "error", message, fieldErrors: {}, values: {}, code: "conflict" } : { status: "success", result: { message } };
}
