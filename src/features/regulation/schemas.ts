import { z } from "zod";
import { storableString } from "@/lib/forms/storable-string";
import { ticketRef } from "@/features/protocol/schemas";

/** Extending a regulatory deadline: the ticket at the version the workspace showed, and why (the customer reads it). */
export const extensionSchema = ticketRef.extend({
  reason: storableString({ error: "required" }).trim().min(1, { error: "required" }).max(1000, { error: "tooLong" }),
});
export type ExtensionInput = z.infer<typeof extensionSchema>;
