"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { DomainError } from "@/domain/errors";
import { homeFor } from "@/domain/roles";
import { action, formOnlyAction } from "@/lib/actions/action";
import { signIn, signOut, TooManySignInAttempts } from "@/server/auth/auth";
import { signInSchema } from "@/server/auth/sign-in-schema";
import { db } from "@/server/db/prisma";

// Only same-site paths: an open redirect after sign-in is a phishing tool.
function safeReturnPath(callbackUrl: string | undefined): string | null {
  if (!callbackUrl || !callbackUrl.startsWith("/") || callbackUrl.startsWith("//") || callbackUrl.startsWith("/\\")) return null;
  return callbackUrl;
}

// Without a page to return to, each role lands on its own home. The role is read before the password
// is checked, but it only decides where a successful sign-in goes, so it tells a stranger nothing.
async function landing(email: string, callbackUrl: string | undefined): Promise<string> {
  const asked = safeReturnPath(callbackUrl);
  if (asked) return asked;
  const user = await db().user.findUnique({ where: { email }, select: { role: true } });
  return homeFor(user?.role ?? "AGENT");
}

// Auth.js counts attempts per address and per account itself (TooManySignInAttempts).
export const signInWithPassword = action({
  public: {},
  schema: signInSchema,
  run: async ({ email, password, callbackUrl }) => {
    try {
      // A successful sign-in "throws" Next's redirect, which the pipeline lets through.
      await signIn("credentials", { email, password, redirectTo: await landing(email, callbackUrl) });
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
