import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../tests/support/integration-db";
import { signInSucceeded, throttleSignIn } from "./throttle";

describe("the sign-in throttle", () => {
  beforeEach(resetDatabase);
  const owner = "agent@tanggap.test";

  it("stops one address guessing one account", async () => {
    for (let i = 0; i < 10; i++) expect((await throttleSignIn(owner, "198.51.100.7")).allowed).toBe(true);
    expect((await throttleSignIn(owner, "198.51.100.7")).allowed).toBe(false);
  });

  it("does not let a stranger's guesses from elsewhere lock the owner out from their own address", async () => {
    for (let i = 0; i < 30; i++) await throttleSignIn(owner, "198.51.100.7");
    expect((await throttleSignIn(owner, "203.0.113.20")).allowed).toBe(true);
  });

  it("still caps guesses at one account spread over many addresses", async () => {
    let refused = 0;
    for (let i = 0; i < 120; i++) if (!(await throttleSignIn(owner, `198.51.100.${i % 60}`)).allowed) refused++;
    expect(refused).toBeGreaterThan(0);
  });

  it("forgets the failures of an address once the right password is given from it", async () => {
    for (let i = 0; i < 11; i++) await throttleSignIn(owner, "198.51.100.7");
    await signInSucceeded(owner, "198.51.100.7");
    expect((await throttleSignIn(owner, "198.51.100.7")).allowed).toBe(true);
  });
});
