import { describe, expect, it } from "vitest";
import { formatCell, formatMoney } from "./format";

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("formatMoney", () => {
  it("shows rupiah without decimals, in each language's way", () => {
    expect(nbsp(formatMoney("650000.50", "IDR", "id"))).toBe("Rp 650.001");
    expect(nbsp(formatMoney("650000.00", "IDR", "en"))).toBe("IDR 650,000");
  });

  it("keeps the currency's own decimals elsewhere", () => {
    expect(formatMoney("20.00", "USD", "en")).toBe("$20.00");
    expect(nbsp(formatMoney("20.5", "USD", "id"))).toBe("US$20,50");
  });
});

describe("formatCell", () => {
  it("formats each kind of figure for the locale", () => {
    expect(formatCell("count", 1234, "en")).toBe("1,234");
    expect(formatCell("count", 1234, "id")).toBe("1.234");
    expect(formatCell("percent", 66.7, "en")).toBe("66.7%");
    expect(nbsp(formatCell("percent", 66.7, "id"))).toBe("66,7%");
    expect(formatCell("percent", 100, "en")).toBe("100.0%");
    expect(formatCell("rating", 3.6, "en")).toBe("3.60");
    expect(formatCell("rating", 3.6, "id")).toBe("3,60");
    expect(formatCell("change", 2, "en")).toBe("+2");
    expect(formatCell("change", -2, "en")).toBe("-2");
    expect(formatCell("change", 0, "en")).toBe("0");
    expect(formatCell("hours", 26.5, "en")).toBe("26.5 hours");
    expect(formatCell("hours", 26.5, "id")).toBe("26,5 jam");
    expect(nbsp(formatCell("money", "575000.50", "id", "IDR"))).toBe("Rp 575.001");
  });

  it("shows a missing figure as a dash and text as it is", () => {
    expect(formatCell("percent", null, "en")).toBe("—");
    expect(formatCell("text", "Listen", "en")).toBe("Listen");
    expect(formatCell("list", ["a", "b"], "en")).toBe("a\nb");
  });
});
