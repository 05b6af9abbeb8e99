"use server";

import { action } from "@/lib/actions/action";
import { extendRegulatoryDeadline } from "./extend";
import { extensionSchema } from "./schemas";

/** Extends the regulatory deadline once, with the reason the customer is told. A public POST endpoint. */
export const extendRegulatoryDeadlineAction = action({
  role: "AGENT",
  schema: extensionSchema,
  revalidate: ["/agent", "layout"],
  run: async (input, { staff, t }) => {
    const extended = await extendRegulatoryDeadline(input, { id: staff.id, role: staff.role, name: staff.name });
    return { message: t(extended.letterKind === "HOLDING_REPLY" ? "regulation.holdingReplySent" : "regulation.extended") };
  },
});
