import { z } from "zod";
import { storableString } from "@/lib/forms/storable-string";

// Long passphrases are welcome and never truncated; the upper bound only keeps
// hashing from becoming a denial-of-service lever.
export const signInSchema = z.object({
  email: storableString()
    .trim()
    .toLowerCase()
    .min(1, { error: "required" })
    .max(254, { error: "tooLong" })
    .pipe(z.email({ error: "invalidEmail" })),
  password: storableString().min(1, { error: "required" }).max(1024, { error: "tooLong" }),
  callbackUrl: storableString().optional(),
});

export type SignInInput = z.infer<typeof signInSchema>;
