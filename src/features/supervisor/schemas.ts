import { z } from "zod";
import { storableString } from "@/lib/forms/storable-string";

const ticketAtVersion = storableString()
  .regex(/^[0-9a-f-]{36}:\d+$/i, { error: "invalid" })
  .transform((v) => {
    const [ticketId, version] = v.split(":");
    return { ticketId: ticketId!, version: Number(version) };
  });

export const bulkReassignSchema = z.object({
  tickets: z.array(ticketAtVersion).min(1, { error: "chooseTickets" }).max(200, { error: "tooMany" }),
  assigneeId: z.union([z.literal(""), z.uuid({ error: "invalidChoice" })]).transform((v) => (v === "" ? null : v)),
});
