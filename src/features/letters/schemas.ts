import { z } from "zod";
import { LETTER_KINDS } from "@/domain/regulation/letter-check";
import { storableString } from "@/lib/forms/storable-string";
import { ticketRef } from "@/features/protocol/schemas";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalText = (max: number) => z.preprocess(blankToUndefined, storableString().trim().max(max, { error: "tooLong" }).optional());

/**
 * A regulated letter to send. Whether the letter may go (the regime's kinds, the extension rule,
 * its mandatory content; an extension's new deadline is the clock's) is the domain's to decide on the record: the form only carries the words.
 */
export const sendLetterSchema = ticketRef.extend({
  kind: z.enum(LETTER_KINDS, { error: "invalidChoice" }),
  message: optionalText(5000),
  reason: optionalText(1000),
  reasons: optionalText(4000),
});
export type SendLetterInput = z.infer<typeof sendLetterSchema>;
