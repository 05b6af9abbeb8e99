import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createTrackingToken,
  hashTrackingToken,
  isWellFormedTrackingToken,
  sealTrackingToken,
  unsealTrackingToken,
} from "./tracking-token";

describe("tracking tokens", () => {
  const saved = process.env.AUTH_SECRET;
  beforeEach(() => {
    process.env.AUTH_SECRET = "a-test-secret-that-is-long-enough-0123456789";
  });
  afterEach(() => {
    process.env.AUTH_SECRET = saved;
  });

  it("carry 256 random bits, URL-safe, never repeating", () => {
    const tokens = Array.from({ length: 1000 }, () => createTrackingToken().token);
    expect(new Set(tokens).size).toBe(1000);
    expect(tokens.every(isWellFormedTrackingToken)).toBe(true);
    expect(Buffer.from(tokens[0]!, "base64url")).toHaveLength(32);
  });

  it("are looked up by hash and recovered from their sealed copy", () => {
    const { token, hash, sealed } = createTrackingToken();
    expect(hash).toBe(hashTrackingToken(token));
    expect(sealed).not.toContain(token);
    expect(unsealTrackingToken(sealed)).toBe(token);
  });

  // Under another secret: see ../crypto/seal.test.ts (the secret is read once, through env()).
  it("cannot be unsealed after tampering", () => {
    const sealed = sealTrackingToken("A".repeat(43));
    const [v, iv, body, tag] = sealed.split(".");
    expect(unsealTrackingToken([v, iv, body, tag!.replace(/^./, (c) => (c === "A" ? "B" : "A"))].join("."))).toBeNull();
    expect(unsealTrackingToken("garbage")).toBeNull();
  });
});
