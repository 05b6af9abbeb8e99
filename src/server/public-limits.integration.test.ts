import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../tests/support/integration-db";
import { limitPublicFormFrom } from "./public-limits";

describe("per-recipient limits on the public forms", () => {
  beforeEach(resetDatabase);

  it("count an address and its plus-address variants as one recipient", async () => {
    const allowed = [];
    for (let i = 0; i < 6; i++)
      allowed.push((await limitPublicFormFrom(`198.51.100.${i}`, "complaint", `victim+${i}@example.test`)).allowed);
    expect(allowed).toEqual([true, true, true, true, true, false]);
    expect((await limitPublicFormFrom("198.51.100.9", "complaint", "Victim@Example.test")).allowed).toBe(false);
    expect((await limitPublicFormFrom("198.51.100.9", "complaint", "someone-else@example.test")).allowed).toBe(true);
  });

  it("does the same for the lookup form, which mails the link", async () => {
    for (let i = 0; i < 3; i++) await limitPublicFormFrom(`203.0.113.${i}`, "lookup", `victim+l${i}@example.test`);
    expect((await limitPublicFormFrom("203.0.113.9", "lookup", "victim+other@example.test")).allowed).toBe(false);
  });
});
