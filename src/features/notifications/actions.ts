"use server";

import { action } from "@/lib/actions/action";
import { markRead } from "./inbox";
import { markReadSchema } from "./schemas";

export const markNotificationsReadAction = action({
  role: "AGENT",
  schema: markReadSchema,
  input: (f) => ({ ids: f.getAll("ids") }),
  revalidate: ["/notifications"],
  run: async ({ ids }, { staff }) => {
    await markRead(staff.id, ids.length > 0 ? ids : "all");
  },
});
