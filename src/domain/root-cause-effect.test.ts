import { describe, expect, it } from "vitest";
import { effectVerdict, MIN_AFTER_DAYS } from "./root-cause-effect";

describe("root-cause action effectiveness", () => {
  it("has no verdict for an action not done yet", () => {
    expect(effectVerdict({ beforePer30: null, afterPer30: null, afterDays: null })).toBe("notDone");
  });
  it("is too early to tell before the minimum days have passed since it was done", () => {
    expect(effectVerdict({ beforePer30: 4, afterPer30: 0, afterDays: MIN_AFTER_DAYS - 0.5 })).toBe("tooEarly");
  });
  it("says recurrence fell only when the rate after is below the rate before", () => {
    expect(effectVerdict({ beforePer30: 2, afterPer30: 1, afterDays: 60 })).toBe("fell");
    expect(effectVerdict({ beforePer30: 2, afterPer30: 2, afterDays: 60 })).toBe("didNotFall");
    expect(effectVerdict({ beforePer30: 0, afterPer30: 0, afterDays: 90 })).toBe("didNotFall");
  });
});
