import { describe, expect, it } from "vitest";
import { homeFor, roleAtLeast } from "./roles";

describe("roleAtLeast", () => {
  it("lets each role do what the roles below it can", () => {
    expect(roleAtLeast("ADMIN", "AGENT")).toBe(true);
    expect(roleAtLeast("SUPERVISOR", "SUPERVISOR")).toBe(true);
    expect(roleAtLeast("AGENT", "AGENT")).toBe(true);
  });

  it("refuses a role below the one required", () => {
    expect(roleAtLeast("AGENT", "SUPERVISOR")).toBe(false);
    expect(roleAtLeast("SUPERVISOR", "ADMIN")).toBe(false);
  });
});

describe("homeFor", () => {
  it("lands each role on its own page", () => {
    expect(homeFor("AGENT")).toBe("/agent");
    expect(homeFor("SUPERVISOR")).toBe("/supervisor");
    expect(homeFor("ADMIN")).toBe("/admin");
  });
});
