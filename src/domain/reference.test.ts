import { describe, expect, it } from "vitest";
import { formatReference, parseReference } from "./reference";

describe("ticket references", () => {
  it("pads the number to six digits", () => {
    expect(formatReference(123)).toBe("TGP-000123");
    expect(formatReference(1_234_567)).toBe("TGP-1234567");
  });

  it("reads back what it writes, in any case", () => {
    expect(parseReference("TGP-000123")).toBe(123);
    expect(parseReference(" tgp-1234567 ")).toBe(1_234_567);
  });

  it("rejects anything else", () => {
    for (const bad of ["", "123", "TGP-12", "TGP-000000", "XYZ-000123", "TGP-00012a", "TGP-99999999999"]) {
      expect(parseReference(bad)).toBeNull();
    }
  });
});
