"use server";

import { action } from "@/lib/actions/action";
import { sendLetterSchema } from "./schemas";
import { sendLetter } from "./send";

/** Staff send a regulated letter from the workspace: made from the record, checked, stored as sent and mailed. */
export const sendLetterAction = action({
  role: "AGENT",
  schema: sendLetterSchema,
  revalidate: ["/agent", "layout"],
  run: async ({ ticketId, version, kind, message, reason, reasons }, { staff, t }) => {
    const sent = await sendLetter(
      { ticketId, version },
      { kind, message, reason, reasons },
      { id: staff.id, role: staff.role, name: staff.name },
    );
    return { message: t(sent.letterId ? "letters.sent" : "letters.held") };
  },
});
