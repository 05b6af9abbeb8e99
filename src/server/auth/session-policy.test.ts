import { describe, expect, it } from "vitest";
import { sessionIsAlive } from "./session-policy";

const limits = { maxSeconds: 12 * 3600, idleSeconds: 2 * 3600 };
const t0 = 1_800_000_000;

describe("the staff session's lifetime", () => {
  it("lives while in use, within its absolute lifetime", () => {
    expect(sessionIsAlive({ signedInAt: t0, seenAt: t0 }, t0 + 60, limits)).toBe(true);
    expect(sessionIsAlive({ signedInAt: t0, seenAt: t0 + 11 * 3600 }, t0 + 11.5 * 3600, limits)).toBe(true);
  });

  it("ends after the idle timeout without a request", () => {
    expect(sessionIsAlive({ signedInAt: t0, seenAt: t0 }, t0 + 2 * 3600, limits)).toBe(false);
  });

  it("ends at its absolute lifetime however busy it is", () => {
    expect(sessionIsAlive({ signedInAt: t0, seenAt: t0 + 12 * 3600 - 1 }, t0 + 12 * 3600, limits)).toBe(false);
  });

  it("refuses a token from before the limits, or one that claims the future", () => {
    expect(sessionIsAlive({}, t0, limits)).toBe(false);
    expect(sessionIsAlive({ signedInAt: "t0", seenAt: t0 }, t0, limits)).toBe(false);
    expect(sessionIsAlive({ signedInAt: t0 + 3600, seenAt: t0 + 3600 }, t0, limits)).toBe(false);
  });
});
