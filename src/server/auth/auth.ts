import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientIp } from "../client-ip";
import { db } from "../db/prisma";
import { verifyPassword } from "./password";
import { signInSchema } from "./sign-in-schema";
import { signInSucceeded, throttleSignIn } from "./throttle";

export class TooManySignInAttempts extends CredentialsSignin {
  code = "rate_limited";
}

function publicUrlIsHttps(): boolean | undefined {
  const base = process.env.PUBLIC_BASE_URL;
  // Without one, Auth.js decides from the request's own protocol.
  return base ? new URL(base).protocol === "https:" : undefined;
}

// Credentials sign-in requires JWT sessions. The token carries only the user id:
// role and the active flag are re-read from the database on every privileged call
// (see ./session.ts), so a deactivation or demotion takes effect at once.
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // Cookies marked Secure (and __Secure- named) whenever customers and staff reach us over TLS,
  // even when TLS ends at a proxy in front of us and Next itself sees plain HTTP. HttpOnly and
  // SameSite=Lax are Auth.js's defaults for every cookie it sets.
  useSecureCookies: publicUrlIsHttps(),
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  logger: {
    // A wrong password is an answer, not a server error: keep it out of the error log.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
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
          select: { id: true, name: true, email: true, active: true, passwordHash: true },
        });
        const ok = await verifyPassword(password, user?.passwordHash ?? null);
        if (!user || !ok || !user.active) return null;
        await signInSucceeded(email, ip);
        return { id: user.id, name: user.name, email: user.email };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
