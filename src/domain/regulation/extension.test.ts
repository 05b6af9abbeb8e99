import { describe, expect, it } from "vitest";
import { checkExtension } from "./extension";

const due = new Date("2026-12-14T16:59:59Z");
const before = new Date("2026-12-10T03:00:00Z");

describe("checkExtension", () => {
  it("allows OJK's one extension before the first deadline", () => {
    expect(checkExtension({ regime: "OJK", dueAt: due, extensionsTaken: 0, now: before })).toEqual({ allowed: true, maxExtensions: 1 });
  });

  it("allows Bank Indonesia's one extension too", () => {
    expect(checkExtension({ regime: "BI", dueAt: due, extensionsTaken: 0, now: before }).allowed).toBe(true);
  });

  it.each(["FCA", "ASIC", "NONE"] as const)("refuses any extension under %s", (regime) => {
    expect(checkExtension({ regime, dueAt: due, extensionsTaken: 0, now: before })).toEqual({ allowed: false, refusal: "notAllowed" });
  });

  it("refuses once the first deadline has passed, even by a second", () => {
    const after = new Date(due.getTime() + 1000);
    expect(checkExtension({ regime: "OJK", dueAt: due, extensionsTaken: 0, now: after })).toEqual({
      allowed: false,
      refusal: "afterDeadline",
    });
    expect(checkExtension({ regime: "OJK", dueAt: due, extensionsTaken: 0, now: due }).allowed).toBe(false);
  });

  it("refuses a second extension, before the deadline as after it", () => {
    const extended = new Date("2026-12-28T16:59:59Z");
    expect(checkExtension({ regime: "OJK", dueAt: extended, extensionsTaken: 1, now: before })).toEqual({
      allowed: false,
      refusal: "limitReached",
    });
  });

  it("refuses a complaint with no deadline to extend", () => {
    expect(checkExtension({ regime: "OJK", dueAt: null, extensionsTaken: 0, now: before })).toEqual({
      allowed: false,
      refusal: "noDeadline",
    });
  });

  it("refuses a new deadline that is not after the one in force", () => {
    expect(checkExtension({ regime: "OJK", dueAt: due, extensionsTaken: 0, now: before, newDueAt: due })).toEqual({
      allowed: false,
      refusal: "notLater",
    });
    expect(
      checkExtension({ regime: "OJK", dueAt: due, extensionsTaken: 0, now: before, newDueAt: new Date("2026-12-28T16:59:59Z") }).allowed,
    ).toBe(true);
  });
});
