"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runStaffAction, type ActionResult } from "@/server/actions/staff-action";
import { claimTicket } from "./claim";

const claimSchema = z.object({ ticketId: z.uuid({ error: "invalid" }) });

export async function claimTicketAction(formData: FormData): Promise<ActionResult> {
  return runStaffAction("AGENT", claimSchema, Object.fromEntries(formData), async ({ ticketId }, staff) => {
    const outcome = await claimTicket(ticketId, staff.id);
    revalidatePath("/agent");
    return outcome === "claimed" ? { ok: true } : { ok: false, error: outcome };
  });
}
