import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    /** The user's session version when they signed in (src/server/auth/session.ts compares it). */
    sessionVersion?: number;
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sessionVersion?: number;
    /** Seconds since the epoch. */
    signedInAt?: number;
    seenAt?: number;
  }
}
