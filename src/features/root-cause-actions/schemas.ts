import { z } from "zod";
import { ROOT_CAUSES } from "@/domain/protocol";
import { storableString } from "@/lib/forms/storable-string";

// One schema per form, shared by the form and its action.

export const recordRootCauseActionSchema = z.object({
  categoryId: z.uuid({ error: "invalidChoice" }),
  rootCause: z.enum(ROOT_CAUSES, { error: "invalidChoice" }),
  description: storableString({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .min(5, { error: "tooShort" })
    .max(1000, { error: "tooLong" }),
  ownerId: z.uuid({ error: "invalidChoice" }),
  dueDate: z.iso.date({ error: "invalidDate" }),
});
export type RecordRootCauseActionInput = z.infer<typeof recordRootCauseActionSchema>;

export const setRootCauseActionStatusSchema = z.object({
  actionId: z.uuid({ error: "invalid" }),
  status: z.enum(["OPEN", "DONE"], { error: "invalidChoice" }),
});
export type SetRootCauseActionStatusInput = z.infer<typeof setRootCauseActionStatusSchema>;
