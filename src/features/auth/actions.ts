"use server";

import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { fieldErrors, formValues, type FormState } from "@/lib/forms/form-state";
import { signIn, signOut, TooManySignInAttempts } from "@/server/auth/auth";
import { signInSchema } from "@/server/auth/sign-in-schema";

// Only same-site paths: an open redirect after sign-in is a phishing tool.
function safeReturnPath(callbackUrl: string | undefined): string {
  if (!callbackUrl || !callbackUrl.startsWith("/") || callbackUrl.startsWith("//") || callbackUrl.startsWith("/\\")) return "/agent";
  return callbackUrl;
}

export async function signInWithPassword(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations();
  const values = formValues(formData);
  delete values.password;
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", message: t("errors.fixFields"), fieldErrors: fieldErrors(parsed.error, t), values };
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeReturnPath(parsed.data.callbackUrl),
    });
    return { status: "idle" };
  } catch (error) {
    // A successful sign-in "throws" Next's redirect, which must propagate.
    if (!(error instanceof AuthError)) throw error;
    // The same words for an unknown email and a wrong password.
    const message = error instanceof TooManySignInAttempts ? t("login.tooManyAttempts") : t("login.invalid");
    return { status: "error", message, fieldErrors: {}, values };
  }
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
