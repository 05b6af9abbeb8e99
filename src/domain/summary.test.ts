import { describe, expect, it } from "vitest";
import { summarise } from "./summary";

describe("summarise", () => {
  it("takes the first sentence", () => {
    expect(summarise("Paket saya rusak. Kardusnya basah dan penyok.")).toBe("Paket saya rusak.");
  });

  it("folds white space", () => {
    expect(summarise("  The card\n\nwas declined twice  ")).toBe("The card was declined twice");
  });

  it("cuts a long sentence at a word boundary", () => {
    const long = "word ".repeat(60).trim();
    const subject = summarise(long);
    expect(subject.length).toBeLessThanOrEqual(100);
    expect(subject.endsWith("word…")).toBe(true);
  });
});
