import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RETRY_CAP_MS, RETRY_JITTER, retryDelayMs } from "./backoff";

const middle = () => 0.5;

describe("retryDelayMs", () => {
  it("doubles from one minute after the first failure", () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => retryDelayMs(a, middle))).toEqual([60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000]);
  });

  it("never waits more than an hour, however often the mail has failed", () => {
    expect(retryDelayMs(7, middle)).toBe(RETRY_CAP_MS);
    expect(retryDelayMs(50, middle)).toBe(RETRY_CAP_MS);
    expect(retryDelayMs(Number.MAX_SAFE_INTEGER, middle)).toBe(RETRY_CAP_MS);
  });

  it("spreads each delay by at most a fifth either way", () => {
    expect(retryDelayMs(1, () => 0)).toBe(48_000);
    expect(retryDelayMs(1, () => 1)).toBe(72_000);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempts, r) => {
        const d = retryDelayMs(attempts, () => r);
        const centre = retryDelayMs(attempts, middle);
        return d >= Math.floor(centre * (1 - RETRY_JITTER)) && d <= Math.ceil(centre * (1 + RETRY_JITTER));
      }),
    );
  });

  it("treats a count below one as the first failure rather than retrying at once", () => {
    expect(retryDelayMs(0, middle)).toBe(60_000);
    expect(retryDelayMs(-3, middle)).toBe(60_000);
  });

  it("keeps to its bounds even if the random source strays outside [0, 1]", () => {
    expect(retryDelayMs(1, () => 5)).toBe(72_000);
    expect(retryDelayMs(1, () => -1)).toBe(48_000);
  });

  it("grows with every attempt until the cap, whatever the jitter", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, r1, r2) => {
          // Two steps apart the base quadruples, more than the ±20 % spread can undo.
          return retryDelayMs(a + 2, () => r2) > retryDelayMs(a, () => r1);
        },
      ),
    );
  });
});
