import { describe, expect, it } from "vitest";
import { parseLevels, peerRatios, peerTable, topUpCount } from "./peer-report";

describe("the peer comparison", () => {
  it("divides Tanggap's figures by the peer's", () => {
    expect(peerRatios({ rate: 80, p95: 50 }, { rate: 40, p95: 200 })).toEqual({ throughput: 2, p95: 0.25 });
    expect(peerRatios({ rate: 80, p95: Number.NaN }, { rate: 0, p95: 200 })).toEqual({ throughput: null, p95: null });
  });

  it("tops up to a level and never below it", () => {
    expect(topUpCount(1000, 321)).toBe(679);
    expect(topUpCount(1000, 1000)).toBe(0);
    expect(topUpCount(1000, 1800)).toBe(0);
  });

  it("reads the levels ascending and refuses nonsense", () => {
    expect(parseLevels("10000,1000")).toEqual([1000, 10000]);
    expect(parseLevels("1_000, 1000")).toEqual([1000]);
    expect(() => parseLevels("1000,abc")).toThrow(RangeError);
    expect(() => parseLevels("0")).toThrow(RangeError);
    expect(() => parseLevels("1.5")).toThrow(RangeError);
  });

  it("prints both systems, the ratios, the load and any failures", () => {
    const table = peerTable("osTicket", [
      {
        open: 1000,
        measure: "ticket creation via API (8 conn.)",
        tanggap: { rate: 90, p95: 120, failures: 0, loadAverage: [1.5, 2, 2.25] },
        peer: { rate: 45, p95: 240, failures: 3, loadAverage: [2, 2, 2], responsesTimed: 8 },
      },
    ]);
    const lines = table.split("\n");
    expect(lines[0]).toMatch(/^open\s+measure\s+Tanggap rate\s+Tanggap p95\s+osTicket rate\s+osTicket p95\s+rate T÷O\s+p95 T÷O/);
    expect(lines[2]).toContain("1,000");
    expect(lines[2]).toMatch(/90\.0\/s\s+120 ms\s+45\.0\/s\s+240 ms\s+2\.00×\s+0\.50×/);
    expect(lines[2]).toContain("1.50 2.00 2.25 / 2.00 2.00 2.00");
    expect(lines[2]).toContain("osTicket 3 FAILED");
    expect(lines[2]).toContain("osTicket: 8 responses timed");
    expect(lines[2]).not.toContain("Tanggap 0");
  });
});
