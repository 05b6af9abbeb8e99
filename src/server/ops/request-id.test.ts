import { describe, expect, it } from "vitest";
import { requestIdFor } from "./request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("requestIdFor", () => {
  it("keeps a short plain token the caller sent", () => {
    expect(requestIdFor("lb-7f3a9c.42")).toBe("lb-7f3a9c.42");
    expect(requestIdFor("0b6e2c3e-0d0a-4c84-9a51-2f0d8f4f6e11")).toBe("0b6e2c3e-0d0a-4c84-9a51-2f0d8f4f6e11");
  });

  it("generates one when none was sent", () => {
    expect(requestIdFor(undefined)).toMatch(UUID);
  });

  it.each([
    ["empty", ""],
    ["too long", "a".repeat(65)],
    ["a line break that would forge a log line", "abc\ninjected"],
    ["spaces", "a b"],
    ["quotes and markup", '"><script>'],
    ["non-ASCII", "ïd"],
    ["a leading punctuation mark", "-abc"],
  ])("replaces a token that is %s", (_, incoming) => {
    const id = requestIdFor(incoming);
    expect(id).not.toBe(incoming);
    expect(id).toMatch(UUID);
  });

  it("replaces a header sent twice", () => {
    expect(requestIdFor(["one", "two"])).toMatch(UUID);
  });

  it("gives each request its own id", () => {
    expect(requestIdFor(undefined)).not.toBe(requestIdFor(undefined));
  });
});
