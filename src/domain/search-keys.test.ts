import { describe, expect, it } from "vitest";
import { emailKey, orderKey, phoneKey, ticketNumberKey } from "./search-keys";

describe("search keys", () => {
  it("reads a phone number whatever its punctuation, with +62 as the trunk 0", () => {
    expect(phoneKey("+62 811-2345-678")).toBe("08112345678");
    expect(phoneKey("0811 2345 678")).toBe("08112345678");
    expect(phoneKey("(0811) 2345.678")).toBe("08112345678");
    expect(phoneKey("+62 0811 2345 678")).toBe("08112345678");
  });

  it("does not read words or short numbers as a phone number", () => {
    expect(phoneKey("ORD-778812")).toBeNull();
    expect(phoneKey("12345")).toBeNull();
    expect(phoneKey("siti")).toBeNull();
  });

  it("reads an order number without case or punctuation, and only one with a digit", () => {
    expect(orderKey("ORD-778812")).toBe("ord778812");
    expect(orderKey(" ord 778812 ")).toBe("ord778812");
    expect(orderKey("refund")).toBeNull();
  });

  it("reads a bare ticket number, with or without #", () => {
    expect(ticketNumberKey("123")).toBe(123);
    expect(ticketNumberKey("#000123")).toBe(123);
    expect(ticketNumberKey("0")).toBeNull();
    expect(ticketNumberKey("1234567890")).toBeNull();
    expect(ticketNumberKey("TGP-000123")).toBeNull();
  });

  it("reads an address lower-cased, as customers' addresses are stored", () => {
    expect(emailKey(" Siti@Example.COM ")).toBe("siti@example.com");
    expect(emailKey("siti example.com")).toBeNull();
  });
});
