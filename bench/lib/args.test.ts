import { describe, expect, it } from "vitest";
import { parseCounts } from "./args";

describe("the bench's list options", () => {
  it("reads whole numbers ascending, each once, underscores allowed", () => {
    expect(parseCounts("--x", "10_000, 1000,1000", "1,2")).toEqual([1000, 10000]);
  });

  it("refuses anything but positive whole numbers within the bound, naming the option", () => {
    expect(() => parseCounts("--x", "", "1,2")).toThrow(/--x takes positive whole numbers/);
    expect(() => parseCounts("--x", "-1", "1,2")).toThrow(RangeError);
    expect(() => parseCounts("--x", "4", "1,2", 3)).toThrow(/up to 3/);
    expect(parseCounts("--x", "3", "1,2", 3)).toEqual([3]);
  });
});
