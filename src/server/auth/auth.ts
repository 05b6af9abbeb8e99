import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientIp } from "../client-ip";
import { authConfig } from "./auth-config";
import { db } from "../db/prisma";
import { verifyPassword } from "./password";
import { endSessionsOf } from "./session-version";
import { signInSchema } from "./sign-in-schema";
import { signInSucceeded, throttleSignIn } from "./throttle";

export class TooManySignInAttempts extends CredentialsSignin {
  code = "rate_limited";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A wrong password is an answer, not a server error: keep it out of the error log.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  events: {
    // Signing out ends every session of the person, a copied cookie included. Only a session that
    // is still current may do it, so an old stolen cookie cannot sign its owner out everywhere.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (token?.sub && typeof token.sessionVersion === "number") await endSessionsOf(token.sub, token.sessionVersion);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const ip = clientIp(request.headers);
        const throttle = await throttleSignIn(email, ip);
        if (!throttle.allowed) throw new TooManySignInAttempts();
        const user = await db().user.findUnique({
          where: { email },
          // The one place the hash is read: the client omits it everywhere else.
          select: { id: true, name: true, email: true, active: true, passwordHash: true, sessionVersion: true },
        });
        const ok = await verifyPassword(password, user?.passwordHash ?? null);
        if (!user || !ok || !user.active) return null;
        await signInSucceeded(email, ip);
        return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
      },
    }),
  ],
});
