import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../tests/support/integration-db";
import { hitRateLimit, resetRateLimit } from "./rate-limit";

describe("hitRateLimit", () => {
  beforeEach(resetDatabase);
  const rule = { limit: 5, windowSeconds: 60 };
  const t0 = new Date("2026-11-23T02:00:00Z");

  it("allows the limit, refuses the next with the time until the window reopens", async () => {
    for (let i = 0; i < 5; i++) expect(await hitRateLimit("k", rule, t0)).toEqual({ allowed: true });
    expect(await hitRateLimit("k", rule, new Date(t0.getTime() + 20_000))).toEqual({ allowed: false, retryAfterSeconds: 40 });
  });

  it("opens a new window once the old one has passed", async () => {
    for (let i = 0; i < 6; i++) await hitRateLimit("k", rule, t0);
    expect(await hitRateLimit("k", rule, new Date(t0.getTime() + 60_000))).toEqual({ allowed: true });
  });

  it("counts concurrent hits exactly, as several app instances would make them", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit("shared", rule, t0)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
  });

  it("keeps keys apart", async () => {
    for (let i = 0; i < 6; i++) await hitRateLimit("a", rule, t0);
    expect(await hitRateLimit("b", rule, t0)).toEqual({ allowed: true });
  });
});

describe("resetRateLimit", () => {
  beforeEach(resetDatabase);

  it("starts the key's count afresh", async () => {
    const rule = { limit: 1, windowSeconds: 60 };
    await hitRateLimit("k", rule);
    expect((await hitRateLimit("k", rule)).allowed).toBe(false);
    await resetRateLimit("k");
    expect((await hitRateLimit("k", rule)).allowed).toBe(true);
  });
});
