import { describe, expect, it } from "vitest";
import {
  formatBytes,
  formatMs,
  formatRate,
  formatShare,
  formatTimes,
  percentile,
  ratio,
  renderMarkdownTable,
  renderTable,
  summariseLatencies,
  verdict,
} from "./stats";

describe("bench figures", () => {
  it("takes the nearest-rank percentile", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile(values, 101)).toThrow(RangeError);
  });

  it("summarises unsorted latencies", () => {
    const s = summariseLatencies([30, 10, 20, 40]);
    expect(s).toEqual({ count: 4, p50: 20, p95: 40, p99: 40, mean: 25 });
  });

  it("compares with a ceiling only when there is one", () => {
    expect(ratio(650, 1300)).toBe(0.5);
    expect(ratio(10, 0)).toBeNull();
    expect(ratio(10, null)).toBeNull();
    expect(ratio(Number.NaN, 100)).toBeNull();
    expect(formatShare(0.5234)).toBe("52.3 %");
    expect(formatShare(0.01234)).toBe("1.23 %");
    expect(formatShare(null)).toBe("—");
    expect(formatTimes(12.345)).toBe("12.3×");
    expect(formatTimes(1.5)).toBe("1.50×");
  });

  it("formats times, rates and sizes for the table", () => {
    expect(formatMs(3.456)).toBe("3.46 ms");
    expect(formatMs(45.67)).toBe("45.7 ms");
    expect(formatMs(456.7)).toBe("457 ms");
    expect(formatMs(undefined)).toBe("—");
    expect(formatRate(1234.5)).toBe("1,235/s");
    expect(formatRate(12.34)).toBe("12.3/s");
    expect(formatBytes(5 * 1024 * 1024)).toBe("5.0 MB");
    expect(formatBytes(512)).toBe("512 B");
  });

  it("judges a figure against its target", () => {
    expect(verdict(120, { max: 150 })).toBe("met");
    expect(verdict(150, { max: 150 })).toBe("missed");
    expect(verdict(0.49, { min: 0.5 })).toBe("missed");
    expect(verdict(0.5, { min: 0.5 })).toBe("met");
    expect(verdict(12, undefined)).toBe("—");
  });

  it("aligns the table's columns", () => {
    const table = renderTable(
      ["what", "p95"],
      [
        ["queue", "12.0 ms"],
        ["reports (one year)", "345 ms"],
      ],
    );
    const lines = table.split("\n");
    expect(lines[0]).toBe("what                p95");
    expect(lines[2]).toBe("queue               12.0 ms");
    expect(lines[3]).toBe("reports (one year)   345 ms");
  });

  it("renders a Markdown table, numbers right-aligned and a bar in a cell escaped", () => {
    expect(
      renderMarkdownTable(
        ["n", "rate", "note"],
        [
          ["1", "48.2/s", "a|b"],
          ["2", "95.0/s", ""],
        ],
      ),
    ).toBe(["|   n |   rate | note |", "|----:|-------:|------|", "|   1 | 48.2/s | a\\|b |", "|   2 | 95.0/s |      |"].join("\n"));
  });
});
