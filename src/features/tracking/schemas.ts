import { z } from "zod";
import { emailAddress } from "@/lib/forms/email-address";
import { storableString } from "@/lib/forms/storable-string";

const token = storableString().regex(/^[A-Za-z0-9_-]{43}$/, { error: "invalid" });
const checkboxOrChoice = z.enum(["yes", "no"], { error: "invalidChoice" }).transform((v) => v === "yes");

export const customerReplySchema = z.object({
  token,
  body: storableString({ error: "required" }).trim().min(1, { error: "required" }).max(5000, { error: "tooLong" }),
});

export const ratingSchema = z.object({
  token,
  rating: z.coerce
    .number({ error: "invalidChoice" })
    .int({ error: "invalidChoice" })
    .min(1, { error: "invalidChoice" })
    .max(5, { error: "invalidChoice" }),
  wouldTrustAgain: checkboxOrChoice,
  comment: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    storableString().trim().max(2000, { error: "tooLong" }).optional(),
  ),
});

export const reopenSchema = z.object({
  token,
  reason: storableString({ error: "required" }).trim().min(1, { error: "required" }).max(2000, { error: "tooLong" }),
});

export const lookupSchema = z.object({
  reference: storableString({ error: "required" }).trim().min(1, { error: "required" }).max(20, { error: "tooLong" }),
  email: emailAddress(),
});
