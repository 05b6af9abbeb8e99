import { beforeAll, describe, expect, it } from "vitest";
import { lookupHash, seal, unseal } from "./seal";

// Values sealed by the modules this one replaced (server/tracking-token.ts and
// server/webhooks/secret.ts before they shared it), under FIXTURE_SECRET: what the database holds
// today must keep opening.
const FIXTURE_SECRET = "a-fixture-secret-for-sealed-values-0123456789";
const STORED = {
  trackingToken: {
    plaintext: "q1w2e3r4t5y6u7i8o9p0-_ASDFGHJKLZXCVBNMqwerty",
    sealed: "v1.8QlSlnDYdTkVf0Gw.BwC2guH5sHtU7z0BSPXF31dHmedBOmOaY41_mBTqsVps-YfdHhJWLQh5mjw.qSnz1hzT9JWXDJveAquJ0g",
    hash: "22378c52507333ecfeaf6f0d5a138caeb7716e32da8483c53845aaed2d9e4a4b",
  },
  webhookSecret: {
    plaintext: "whsec_fixture-webhook-secret-0123456789abcdefghij",
    sealed: "v1.TA4_q-TKw2O6GkYP.wCI7d9oy3xmOLoW83dXJvI2-oAy9LQOVSdpbIakDx4xj0Kgbt4czd0pLkp6wnYEdeA.o6ecHJtUmrPaodFmLGkbsA",
  },
};

describe("sealing", () => {
  beforeAll(() => {
    process.env.AUTH_SECRET = FIXTURE_SECRET;
  });

  it("opens tracking tokens and webhook secrets sealed before the two modules became one", () => {
    expect(unseal("tracking-token/v1", STORED.trackingToken.sealed)).toBe(STORED.trackingToken.plaintext);
    expect(unseal("webhook-secret/v1", STORED.webhookSecret.sealed)).toBe(STORED.webhookSecret.plaintext);
    expect(lookupHash(STORED.trackingToken.plaintext)).toBe(STORED.trackingToken.hash);
  });

  it("seals in the stored format, fresh each time, and opens what it sealed", () => {
    const a = seal("webhook-secret/v1", "whsec_x");
    const b = seal("webhook-secret/v1", "whsec_x");
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(a).not.toBe(b);
    expect(unseal("webhook-secret/v1", a)).toBe("whsec_x");
  });

  it("opens nothing sealed for another purpose or under another secret", () => {
    expect(unseal("webhook-secret/v1", STORED.trackingToken.sealed)).toBeNull();
    expect(unseal("tracking-token/v1", STORED.webhookSecret.sealed)).toBeNull();
    expect(unseal("tracking-token/v1", STORED.trackingToken.sealed, "another-secret-entirely-0123456789-abcdefgh")).toBeNull();
    expect(unseal("tracking-token/v1", seal("tracking-token/v1", "x", "another-secret-entirely-0123456789-abcdefgh"))).toBeNull();
  });
});
