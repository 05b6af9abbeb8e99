"use server";

import { z } from "zod";
import { DomainError } from "@/domain/errors";
import { action } from "@/lib/actions/action";
import { claimTicket } from "./claim";

const claimSchema = z.object({ ticketId: z.uuid({ error: "invalid" }) });

export const claimTicketAction = action({
  role: "AGENT",
  schema: claimSchema,
  revalidate: ["/agent"],
  run: async ({ ticketId }, { staff }) => {
    const outcome = await claimTicket(ticketId, staff.id);
    if (outcome === "alreadyAssigned") return new DomainError("conflict");
    if (outcome === "notFound") return new DomainError("notFound", { of: "ticket" });
    return undefined;
  },
});
