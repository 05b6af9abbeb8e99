"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { DomainError } from "@/domain/errors";
import { action, formOnlyAction } from "@/lib/actions/action";
import { signIn, signOut, TooManySignInAttempts } from "@/server/auth/auth";
import { signInSchema } from "@/server/auth/sign-in-schema";

// Only same-site paths: an open redirect after sign-in is a phishing tool.
function safeReturnPath(callbackUrl: string | undefined): string {
  if (!callbackUrl || !callbackUrl.startsWith("/") || callbackUrl.startsWith("//") || callbackUrl.startsWith("/\\")) return "/agent";
  return callbackUrl;
}

// Auth.js counts attempts per address and per account itself (TooManySignInAttempts).
export const signInWithPassword = action({
  public: {},
  schema: signInSchema,
  run: async ({ email, password, callbackUrl }) => {
    try {
      // A successful sign-in "throws" Next's redirect, which the pipeline lets through.
      await signIn("credentials", { email, password, redirectTo: safeReturnPath(callbackUrl) });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      // The same words for an unknown email and a wrong password.
      throw new DomainError("signInRefused", { reason: error instanceof TooManySignInAttempts ? "tooManyAttempts" : "invalid" });
    }
  },
});

export const signOutAction = formOnlyAction({
  public: {},
  schema: z.object({}),
  run: async () => {
    await signOut({ redirectTo: "/login" });
  },
});
