import type { NextAuthConfig } from "next-auth";
import { env } from "@/env";
import { sessionIsAlive } from "./session-policy";

// What every use of Auth.js shares, the proxy included: the cookie, the token's contents and its
// lifetime. Nothing here touches the database; the sign-in itself lives in ./auth.ts.

function publicUrlIsHttps(): boolean | undefined {
  const base = env().PUBLIC_BASE_URL;
  // Without one, Auth.js decides from the request's own protocol.
  return base ? new URL(base).protocol === "https:" : undefined;
}

const nowInSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Credentials sign-in requires JWT sessions. The token carries the user id and the user's session
 * version at sign-in: ./session.ts compares it, with the role and the active flag, against the
 * database on every privileged call, so raising the version ends every session at once. The
 * token's times are checked here, on every read: the absolute lifetime from sign-in, and the idle
 * timeout from the last request that refreshed the cookie (the proxy refreshes it on every page).
 */
export const authConfig = {
  trustHost: true,
  // Cookies marked Secure (and __Secure- named) whenever customers and staff reach us over TLS,
  // even when TLS ends at a proxy in front of us and Next itself sees plain HTTP. HttpOnly and
  // SameSite=Lax are Auth.js's defaults for every cookie it sets.
  useSecureCookies: publicUrlIsHttps(),
  session: { strategy: "jwt", maxAge: env().SESSION_MAX_MINUTES * 60 },
  pages: { signIn: "/login" },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      const now = nowInSeconds();
      if (user?.id) return { ...token, sub: user.id, sessionVersion: user.sessionVersion, signedInAt: now, seenAt: now };
      const { SESSION_MAX_MINUTES, SESSION_IDLE_MINUTES } = env();
      if (!sessionIsAlive(token, now, { maxSeconds: SESSION_MAX_MINUTES * 60, idleSeconds: SESSION_IDLE_MINUTES * 60 })) return null;
      return { ...token, seenAt: now };
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionVersion = token.sessionVersion;
      return session;
    },
  },
} satisfies NextAuthConfig;
