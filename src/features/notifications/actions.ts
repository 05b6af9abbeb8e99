"use server";

import { revalidatePath } from "next/cache";
import { runStaffAction, type ActionResult } from "@/server/actions/staff-action";
import { markRead } from "./inbox";
import { markReadSchema } from "./schemas";

export async function markNotificationsReadAction(formData: FormData): Promise<ActionResult> {
  return runStaffAction("AGENT", markReadSchema, { ids: formData.getAll("ids") }, async ({ ids }, staff) => {
    await markRead(staff.id, ids.length > 0 ? ids : "all");
    revalidatePath("/notifications");
    return { ok: true };
  });
}
