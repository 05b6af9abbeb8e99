import { z } from "zod";

// Long passphrases are welcome and never truncated; the upper bound only keeps
// hashing from becoming a denial-of-service lever.
export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, { error: "required" })
    .max(254, { error: "tooLong" })
    .pipe(z.email({ error: "invalidEmail" })),
  password: z.string().min(1, { error: "required" }).max(1024, { error: "tooLong" }),
  callbackUrl: z.string().optional(),
});

export type SignInInput = z.infer<typeof signInSchema>;
