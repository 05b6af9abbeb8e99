import { z } from "zod";
import { emailAddress } from "@/lib/forms/email-address";
import { storableString } from "@/lib/forms/storable-string";

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** An IMAP mailbox to read: where it is, how to log in, which folder, and the address customers write to. */
export const addMailboxSchema = z.object({
  name: storableString({ error: "required" }).trim().min(1, { error: "required" }).max(120, { error: "tooLong" }),
  host: storableString({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(253, { error: "tooLong" })
    .regex(/^[A-Za-z0-9.-]+$/, { error: "invalid" }),
  port: z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(1, { error: "invalid" }).max(65_535, { error: "invalid" }),
  tls: checkbox,
  username: storableString({ error: "required" }).trim().min(1, { error: "required" }).max(254, { error: "tooLong" }),
  password: storableString({ error: "required" }).min(1, { error: "required" }).max(1000, { error: "tooLong" }),
  folder: storableString()
    .trim()
    .max(200, { error: "tooLong" })
    .default("INBOX")
    .transform((f) => f || "INBOX"),
  address: emailAddress(),
});

export type AddMailboxInput = z.infer<typeof addMailboxSchema>;

export const mailboxIdSchema = z.object({ id: z.uuid({ error: "invalid" }) });
