import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("uses argon2id with OWASP's baseline parameters", async () => {
    expect(await hashPassword("correct horse battery staple")).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("accepts long passphrases and uses every character of them", async () => {
    const long = "kata sandi yang panjang sekali ".repeat(8); // 248 characters
    const hash = await hashPassword(long);
    expect(await verifyPassword(long, hash)).toBe(true);
    // A hasher that truncated (bcrypt stops at 72 bytes) would accept these.
    expect(await verifyPassword(long.slice(0, 72), hash)).toBe(false);
    expect(await verifyPassword(long.slice(0, -1) + "!", hash)).toBe(false);
  });

  it("refuses an unknown account and a corrupt hash without throwing", async () => {
    expect(await verifyPassword("anything", null)).toBe(false);
    expect(await verifyPassword("anything", "not-a-hash")).toBe(false);
  });
});
