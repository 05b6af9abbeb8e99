import { describe, expect, it } from "vitest";
import { parseRange, presetRange, rangeOf, todayIn } from "./date-range";

// 24 Nov 2026, 01:30 in Jakarta — still 23 November in UTC.
const NOW = new Date("2026-11-23T18:30:00Z");

describe("todayIn", () => {
  it("is the date in Jakarta, not in UTC", () => {
    expect(todayIn(NOW)).toBe("2026-11-24");
    expect(todayIn(new Date("2026-11-23T16:59:59Z"))).toBe("2026-11-23");
  });
});

describe("rangeOf", () => {
  it("runs from Jakarta midnight of the first day to Jakarta midnight after the last, with the same length before it", () => {
    const range = rangeOf("2026-11-11", "2026-11-20", "2026-11-24");
    expect(range).toEqual({
      from: "2026-11-11",
      to: "2026-11-20",
      days: 10,
      preset: null,
      start: new Date("2026-11-10T17:00:00Z"),
      end: new Date("2026-11-20T17:00:00Z"),
      previousStart: new Date("2026-10-31T17:00:00Z"),
    });
  });

  it("is one day when from and to are the same day", () => {
    const range = rangeOf("2026-11-24", "2026-11-24", "2026-11-24");
    expect(range.days).toBe(1);
    expect(range.end.getTime() - range.start.getTime()).toBe(24 * 3600_000);
  });

  it("counts across month and leap-year ends", () => {
    expect(rangeOf("2028-02-27", "2028-03-01", "2028-03-01").days).toBe(4);
    expect(rangeOf("2026-12-31", "2027-01-01", "2027-01-05").days).toBe(2);
  });
});

describe("presetRange", () => {
  it("is the last N days, today included", () => {
    const range = presetRange(30, NOW);
    expect([range.from, range.to, range.days, range.preset]).toEqual(["2026-10-26", "2026-11-24", 30, 30]);
    expect(range.end).toEqual(new Date("2026-11-24T17:00:00Z"));
    expect(presetRange(7, NOW).from).toBe("2026-11-18");
    expect(presetRange(365, NOW).from).toBe("2025-11-25");
  });
});

describe("parseRange", () => {
  it("defaults to the last 30 days", () => {
    const result = parseRange({}, NOW);
    expect(result.ok && [result.range.from, result.range.to, result.range.preset]).toEqual(["2026-10-26", "2026-11-24", 30]);
  });

  it("takes a preset by its number of days", () => {
    for (const days of [7, 30, 90, 365]) {
      const result = parseRange({ days: String(days) }, NOW);
      expect(result.ok && result.range.days).toBe(days);
    }
  });

  it("takes a custom range, and recognises one that is a preset", () => {
    const custom = parseRange({ from: "2026-11-01", to: "2026-11-20" }, NOW);
    expect(custom.ok && [custom.range.days, custom.range.preset]).toEqual([20, null]);
    const preset = parseRange({ from: "2026-11-18", to: "2026-11-24" }, NOW);
    expect(preset.ok && preset.range.preset).toBe(7);
  });

  it("lets a custom range win over a preset, and ignores blank values", () => {
    const result = parseRange({ days: "7", from: " 2026-11-01 ", to: "2026-11-02" }, NOW);
    expect(result.ok && result.range.days).toBe(2);
    const blank = parseRange({ days: "", from: "", to: "" }, NOW);
    expect(blank.ok && blank.range.preset).toBe(30);
  });

  it("takes the first of repeated values", () => {
    const result = parseRange({ days: ["90", "7"] }, NOW);
    expect(result.ok && result.range.days).toBe(90);
  });

  it.each([
    [{ days: "14" }, "unknownPreset"],
    [{ days: "abc" }, "unknownPreset"],
    [{ from: "2026-11-01" }, "missingDate"],
    [{ to: "2026-11-01" }, "missingDate"],
    [{ from: "2026-02-30", to: "2026-03-01" }, "invalidDate"],
    [{ from: "01/11/2026", to: "2026-11-02" }, "invalidDate"],
    [{ from: "2026-11-1", to: "2026-11-02" }, "invalidDate"],
    [{ from: "2026-11-10", to: "2026-11-01" }, "fromAfterTo"],
    [{ from: "2026-11-20", to: "2026-11-25" }, "future"],
    [{ from: "1999-12-31", to: "2000-01-05" }, "tooEarly"],
    [{ from: "2024-11-23", to: "2026-11-24" }, "tooLong"],
  ] as const)("refuses %j with %s", (params, error) => {
    expect(parseRange(params, NOW)).toEqual({ ok: false, error });
  });

  it("accepts a range of exactly two years and a day, ending today", () => {
    const result = parseRange({ from: "2024-11-24", to: "2026-11-24" }, NOW);
    expect(result.ok && result.range.days).toBe(731);
  });
});
