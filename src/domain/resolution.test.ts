import { describe, expect, it } from "vitest";
import { mayApprove, needsAmount, needsApproval, RESOLUTION_KINDS } from "./resolution";

const limits = { AGENT: 500_000, SUPERVISOR: 5_000_000, ADMIN: 50_000_000 };

describe("resolution policy", () => {
  it("asks for an amount only for money and its equivalents", () => {
    expect(RESOLUTION_KINDS.filter(needsAmount)).toEqual(["REFUND", "FULL_REFUND", "STORE_CREDIT", "GOODWILL_GIFT"]);
  });

  it("needs approval only above the granting role's limit", () => {
    expect(needsApproval(500_000, "AGENT", limits)).toBe(false);
    expect(needsApproval(500_001, "AGENT", limits)).toBe(true);
    expect(needsApproval(2_500_000, "SUPERVISOR", limits)).toBe(false);
    expect(needsApproval(null, "AGENT", limits)).toBe(false);
  });

  it("lets supervisors and admins approve within their own limit, never agents", () => {
    expect(mayApprove("AGENT", 1, limits)).toBe(false);
    expect(mayApprove("SUPERVISOR", 5_000_000, limits)).toBe(true);
    expect(mayApprove("SUPERVISOR", 5_000_001, limits)).toBe(false);
    expect(mayApprove("ADMIN", 5_000_001, limits)).toBe(true);
  });
});
