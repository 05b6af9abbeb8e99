import { describe, expect, it } from "vitest";
import { fourEyesReason, mayApproveLetter, type FourEyesFacts } from "./four-eyes";

const base: FourEyesFacts = {
  regime: "OJK",
  kind: "FINAL_RESPONSE",
  outcome: "NOT_UPHELD",
  redressTotal: 0,
  hasRedress: false,
  redressAbove: null,
};

describe("four-eyes: which letters wait for a second person", () => {
  it("holds a final response that upholds the complaint, in whole or in part, under every regime but NONE", () => {
    for (const regime of ["OJK", "BI", "FCA", "ASIC"] as const) {
      expect(fourEyesReason({ ...base, regime, outcome: "UPHELD" })).toBe("impact");
      expect(fourEyesReason({ ...base, regime, outcome: "PARTLY_UPHELD" })).toBe("impact");
    }
    expect(fourEyesReason({ ...base, regime: "NONE", outcome: "UPHELD" })).toBeNull();
  });

  it("holds a final response that carries redress even when the complaint is not upheld", () => {
    expect(fourEyesReason({ ...base, hasRedress: true, redressTotal: 50 })).toBe("impact");
  });

  it("lets a final response that is not upheld and pays nothing go without approval", () => {
    expect(fourEyesReason(base)).toBeNull();
  });

  it("holds any other letter whose redress is above the regime's amount, and not one at or below it", () => {
    const summary = { ...base, regime: "FCA" as const, kind: "SUMMARY_RESOLUTION" as const, outcome: null, hasRedress: true };
    expect(fourEyesReason({ ...summary, redressTotal: 100.01, redressAbove: 100 })).toBe("redress");
    expect(fourEyesReason({ ...summary, redressTotal: 100, redressAbove: 100 })).toBeNull();
    expect(fourEyesReason({ ...summary, redressTotal: 1_000_000, redressAbove: null })).toBeNull();
  });

  it("never holds the acknowledgement or the extension notice (its deadline could pass while it waits)", () => {
    expect(fourEyesReason({ ...base, kind: "ACKNOWLEDGEMENT" })).toBeNull();
    expect(
      fourEyesReason({ ...base, kind: "EXTENSION", outcome: "UPHELD", hasRedress: true, redressTotal: 9e9, redressAbove: 0 }),
    ).toBeNull();
  });
});

describe("four-eyes: who may approve", () => {
  it("refuses the letter's own author, even a supervisor, and an agent; lets another supervisor or an admin", () => {
    expect(mayApproveLetter({ id: "s1", role: "SUPERVISOR" }, "s1")).toBe("ownLetter");
    expect(mayApproveLetter({ id: "a2", role: "AGENT" }, "a1")).toBe("role");
    expect(mayApproveLetter({ id: "s2", role: "SUPERVISOR" }, "a1")).toBe("ok");
    expect(mayApproveLetter({ id: "ad", role: "ADMIN" }, "a1")).toBe("ok");
  });
});
