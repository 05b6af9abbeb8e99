import { describe, expect, it } from "vitest";
import { clientIp, CLIENT_IP_HEADER, resolveClientIp } from "./client-ip";

describe("resolveClientIp", () => {
  it("uses the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(resolveClientIp("127.0.0.1", undefined, 0)).toBe("127.0.0.1");
    expect(resolveClientIp("127.0.0.1", "203.0.113.9", 0)).toBe("127.0.0.1");
    expect(resolveClientIp("127.0.0.1", "1.1.1.1, 2.2.2.2", 0)).toBe("127.0.0.1");
  });

  it("behind one trusted proxy, takes the address that proxy appended, not what the client prepended", () => {
    expect(resolveClientIp("10.0.0.2", "198.51.100.7", 1)).toBe("198.51.100.7");
    expect(resolveClientIp("10.0.0.2", "6.6.6.6, 198.51.100.7", 1)).toBe("198.51.100.7");
  });

  it("never walks past the start of the chain", () => {
    expect(resolveClientIp("10.0.0.2", undefined, 3)).toBe("10.0.0.2");
  });
});

describe("clientIp", () => {
  it("reads only the header our server sets, never X-Forwarded-For", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9" }))).toBe("unknown");
    expect(clientIp(new Headers({ [CLIENT_IP_HEADER]: "192.0.2.1", "x-forwarded-for": "203.0.113.9" }))).toBe("192.0.2.1");
  });
});
