import { describe, expect, it } from "vitest";
import { leavesNoActiveAdmin, type StaffStanding } from "./active-admins";

const staff: StaffStanding[] = [
  { id: "a1", role: "ADMIN", active: true },
  { id: "s1", role: "SUPERVISOR", active: true },
  { id: "a2", role: "ADMIN", active: false },
];

describe("keeping one active admin", () => {
  it("refuses to deactivate the only active admin", () => {
    expect(leavesNoActiveAdmin(staff, { id: "a1", active: false })).toBe(true);
  });

  it("refuses to demote the only active admin", () => {
    expect(leavesNoActiveAdmin(staff, { id: "a1", role: "SUPERVISOR" })).toBe(true);
  });

  it("does not count a deactivated admin as one who can still administer", () => {
    expect(leavesNoActiveAdmin(staff, { id: "a1", role: "AGENT", active: true })).toBe(true);
  });

  it("allows it once another admin is active", () => {
    expect(leavesNoActiveAdmin(staff, { id: "a2", active: true })).toBe(false);
    const two = staff.map((s) => (s.id === "a2" ? { ...s, active: true } : s));
    expect(leavesNoActiveAdmin(two, { id: "a1", active: false })).toBe(false);
  });

  it("allows changes to everyone else", () => {
    expect(leavesNoActiveAdmin(staff, { id: "s1", active: false })).toBe(false);
    expect(leavesNoActiveAdmin(staff, { id: "s1", role: "AGENT" })).toBe(false);
  });

  it("allows promoting someone to be the new admin while demoting the last one is still refused", () => {
    expect(leavesNoActiveAdmin(staff, { id: "s1", role: "ADMIN" })).toBe(false);
  });
});
