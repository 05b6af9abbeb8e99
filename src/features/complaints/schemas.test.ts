import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { complaintSchema } from "./schemas";

const schema = complaintSchema(() => "2026-11-23");
const valid = {
  name: "Siti Rahayu",
  email: "Siti.Rahayu@Example.co.id ",
  phone: "+62 812-3456-7890",
  category: "PRODUCT_RETURN",
  narrative: "Blender yang saya beli tidak menyala sama sekali sejak hari pertama.",
  location: "  Toko Elektronik Jaya, cabang Kemang ",
  orderNumber: "INV/2026/11/0042",
  purchaseDate: "2026-11-20",
  amount: "450000",
  desiredOutcome: "Uang saya dikembalikan",
};

function errorsOf(input: Record<string, unknown>) {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe("complaintSchema", () => {
  it("accepts a complete complaint and normalises the email", () => {
    const parsed = schema.parse(valid);
    expect(parsed.email).toBe("siti.rahayu@example.co.id");
    expect(parsed.amount).toBe("450000");
    expect(parsed.location).toBe("Toko Elektronik Jaya, cabang Kemang");
  });

  it("treats empty optional fields as absent", () => {
    const parsed = schema.parse({ ...valid, phone: "", location: "  ", orderNumber: " ", purchaseDate: "", amount: "" });
    expect(parsed.phone).toBeUndefined();
    expect(parsed.location).toBeUndefined();
    expect(parsed.orderNumber).toBeUndefined();
    expect(parsed.purchaseDate).toBeUndefined();
    expect(parsed.amount).toBeUndefined();
  });

  it("takes what would resolve it as one of the form's choices, optional, beside the customer's own words", () => {
    expect(schema.parse({ ...valid, customerAsk: "EXCHANGE" }).customerAsk).toBe("EXCHANGE");
    expect(schema.parse({ ...valid, customerAsk: "" }).customerAsk).toBeUndefined();
    expect(schema.parse(valid).customerAsk).toBeUndefined();
    expect(schema.parse({ ...valid, customerAsk: "REPAIR" }).desiredOutcome).toBe("Uang saya dikembalikan");
    expect(errorsOf({ ...valid, customerAsk: "FREE_MONEY" })).toEqual({ customerAsk: "invalidChoice" });
    expect(errorsOf({ ...valid, customerAsk: "refund" })).toEqual({ customerAsk: "invalidChoice" });
  });

  it("names every missing required field", () => {
    expect(errorsOf({})).toEqual({
      name: "required",
      email: "required",
      category: "invalidChoice",
      narrative: "required",
      desiredOutcome: "required",
    });
  });

  it("refuses malformed values with a key per field", () => {
    expect(
      errorsOf({ ...valid, email: "siti@", phone: "call me", purchaseDate: "2026-13-01", amount: "450.000", category: "hack me" }),
    ).toEqual({
      email: "invalidEmail",
      phone: "invalidPhone",
      purchaseDate: "invalidDate",
      amount: "invalidAmount",
      category: "invalidChoice",
    });
  });

  it("refuses a purchase date in the future", () => {
    expect(errorsOf({ ...valid, purchaseDate: "2026-11-24" })).toEqual({ purchaseDate: "futureDate" });
  });

  it("refuses a store or branch longer than 120 characters, or one with a control character", () => {
    expect(errorsOf({ ...valid, location: "a".repeat(120) })).toEqual({});
    expect(errorsOf({ ...valid, location: "a".repeat(121) })).toEqual({ location: "tooLong" });
    expect(errorsOf({ ...valid, location: "Kemang\u0000" })).toEqual({ location: "controlCharacters" });
  });

  it("refuses a megabyte of text as too long", () => {
    expect(errorsOf({ ...valid, narrative: "a".repeat(1_000_000) })).toEqual({ narrative: "tooLong" });
  });

  it("keeps script tags as plain text: escaping is the renderer's job", () => {
    const narrative = "<script>alert('x')</script> the blender never worked";
    expect(schema.parse({ ...valid, narrative }).narrative).toBe(narrative);
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.constant(null))), (input) => {
        schema.safeParse(input);
        schema.safeParse({ ...valid, ...input });
      }),
    );
  });
});
