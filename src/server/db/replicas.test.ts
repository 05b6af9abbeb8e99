import { beforeAll, describe, expect, it } from "vitest";
import { readYourWritesCookie, readYourWritesInForce } from "./replicas";

describe("the read-your-writes cookie", () => {
  beforeAll(() => {
    process.env.AUTH_SECRET = "a-fixture-secret-for-read-your-writes-0123456789";
  });
  const now = Date.UTC(2026, 11, 2, 1, 0, 0);

  it("sends a staff member who just wrote to the primary for the configured seconds, and no longer", () => {
    const cookie = readYourWritesCookie(now);
    expect(cookie.maxAge).toBe(10);
    expect(readYourWritesInForce(cookie.value, now + 9_999)).toBe(true);
    expect(readYourWritesInForce(cookie.value, now + 10_001)).toBe(false);
  });

  it("is refused when its moment is changed, its signature is not ours, or it is missing", () => {
    const { value } = readYourWritesCookie(now);
    const [until, tag] = value.split(".");
    expect(readYourWritesInForce(`${Number(until) + 60_000}.${tag}`, now)).toBe(false);
    expect(readYourWritesInForce(`${until}.${"0".repeat(tag!.length)}`, now)).toBe(false);
    expect(readYourWritesInForce(`${until}`, now)).toBe(false);
    expect(readYourWritesInForce(undefined, now)).toBe(false);
  });
});
