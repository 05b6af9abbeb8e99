import { describe, expect, it } from "vitest";
import { mailboxKey } from "./mailbox";

describe("mailboxKey", () => {
  it("counts plus-address variants and spellings of one address as one mailbox", () => {
    for (const variant of [
      "siti@example.co.id",
      "Siti@Example.co.id",
      "siti+1@example.co.id",
      "siti+shop+x@example.co.id",
      " SITI+a@example.co.id ",
    ])
      expect(mailboxKey(variant)).toBe("siti@example.co.id");
  });

  it("keeps different mailboxes apart", () => {
    expect(mailboxKey("siti.r@example.co.id")).not.toBe(mailboxKey("siti@example.co.id"));
    expect(mailboxKey("siti@example.com")).not.toBe(mailboxKey("siti@example.co.id"));
    expect(mailboxKey("+tag@example.co.id")).toBe("+tag@example.co.id");
  });
});
