import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./locales";

describe("negotiateLocale", () => {
  it("picks the first supported language in preference order", () => {
    expect(negotiateLocale("en-US,en;q=0.9")).toBe("en");
    expect(negotiateLocale("id-ID,id;q=0.9,en;q=0.8")).toBe("id");
    expect(negotiateLocale("fr-FR,en;q=0.5,id;q=0.7")).toBe("id");
  });

  it("falls back to Indonesian for unsupported, empty or malformed headers", () => {
    expect(negotiateLocale("fr,de")).toBe("id");
    expect(negotiateLocale("")).toBe("id");
    expect(negotiateLocale(null)).toBe("id");
    expect(negotiateLocale(";;;,q=abc")).toBe("id");
  });

  it("ignores languages the browser refuses with q=0", () => {
    expect(negotiateLocale("en;q=0,id;q=0.1")).toBe("id");
  });
});
