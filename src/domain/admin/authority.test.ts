import { describe, expect, it } from "vitest";
import { authorityOutOfOrder } from "./authority";

describe("authority limits by role", () => {
  it("accepts limits that grow with the role, equal ones included", () => {
    expect(authorityOutOfOrder({ AGENT: 500_000, SUPERVISOR: 5_000_000, ADMIN: 50_000_000 })).toBeNull();
    expect(authorityOutOfOrder({ AGENT: 0, SUPERVISOR: 0, ADMIN: 0 })).toBeNull();
  });

  it("names the first role allowed less than the role below it", () => {
    expect(authorityOutOfOrder({ AGENT: 6_000_000, SUPERVISOR: 5_000_000, ADMIN: 50_000_000 })).toBe("SUPERVISOR");
    expect(authorityOutOfOrder({ AGENT: 1, SUPERVISOR: 5, ADMIN: 4 })).toBe("ADMIN");
  });

  it("skips roles without a limit", () => {
    expect(authorityOutOfOrder({ AGENT: 100, ADMIN: 50 })).toBe("ADMIN");
    expect(authorityOutOfOrder({ SUPERVISOR: 100 })).toBeNull();
  });
});
