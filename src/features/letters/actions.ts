"use server";

import { DomainError } from "@/domain/errors";
import { action } from "@/lib/actions/action";
import { db } from "@/server/db/prisma";
import { endOfLetterDay } from "./compose";
import { sendLetterSchema } from "./schemas";
import { sendLetter } from "./send";

/** Staff send a regulated letter from the workspace: made from the record, checked, stored as sent and mailed. */
export const sendLetterAction = action({
  role: "AGENT",
  schema: sendLetterSchema,
  revalidate: ["/agent", "layout"],
  run: async ({ ticketId, version, kind, message, reason, newDueAt, reasons }, { staff, t }) => {
    let due: Date | undefined;
    if (newDueAt) {
      const ticket = await db().ticket.findUnique({ where: { id: ticketId }, select: { regime: true } });
      if (!ticket) throw new DomainError("notFound", { of: "ticket" });
      due = endOfLetterDay(newDueAt, ticket.regime);
    }
    await sendLetter(
      { ticketId, version },
      { kind, message, reason, newDueAt: due, reasons },
      { id: staff.id, role: staff.role, name: staff.name },
    );
    return { message: t("letters.sent") };
  },
});
