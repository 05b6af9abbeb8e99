import { describe, expect, it } from "vitest";
import type { JWT } from "next-auth/jwt";
import { authConfig } from "./auth-config";

const jwt = authConfig.callbacks.jwt as (params: { token: JWT; user?: { id: string; sessionVersion?: number } }) => JWT | null;
const now = () => Math.floor(Date.now() / 1000);

describe("the session token on every read", () => {
  it("carries the user's session version and its times from sign-in", () => {
    const token = jwt({ token: {}, user: { id: "u1", sessionVersion: 4 } });
    expect(token).toMatchObject({ sub: "u1", sessionVersion: 4, signedInAt: expect.any(Number), seenAt: expect.any(Number) });
  });

  it("moves its last-seen time on, so the idle timeout counts from the last request", () => {
    const token = jwt({ token: { sub: "u1", sessionVersion: 4, signedInAt: now() - 3600, seenAt: now() - 600 } });
    expect(token?.seenAt).toBeGreaterThanOrEqual(now() - 1);
  });

  it("ends the session after the idle timeout (default 2 h) or the absolute lifetime (default 12 h)", () => {
    expect(jwt({ token: { sub: "u1", sessionVersion: 4, signedInAt: now() - 3 * 3600, seenAt: now() - 2 * 3600 - 5 } })).toBeNull();
    expect(jwt({ token: { sub: "u1", sessionVersion: 4, signedInAt: now() - 12 * 3600 - 5, seenAt: now() - 60 } })).toBeNull();
    expect(jwt({ token: { sub: "u1" } })).toBeNull();
  });
});
