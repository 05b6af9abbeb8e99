import { describe, expect, it } from "vitest";
import { classifyAddress, isAllowedAddress } from "./address-policy";

describe("the webhook address policy", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["::1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.5.4", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "private"],
    ["100.100.100.200", "private"],
    ["fd00:ec2::254", "private"],
    ["fc00::1", "private"],
    ["169.254.169.254", "linkLocal"],
    ["::ffff:169.254.169.254", "linkLocal"],
    ["fe80::1", "linkLocal"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["224.0.0.1", "reserved"],
    ["255.255.255.255", "reserved"],
    ["2001:db8::1", "reserved"],
    ["not an address", "reserved"],
    ["93.184.216.34", "public"],
    ["172.32.0.1", "public"],
    ["2606:4700::1111", "public"],
    // IPv4-compatible, 6to4 and IPv4-translated forms carry an IPv4 address and go where it goes.
    ["::127.0.0.1", "loopback"],
    ["::7f00:1", "loopback"],
    ["::a00:1", "private"],
    ["::5", "unspecified"],
    ["2002:7f00:1::", "loopback"],
    ["2002:a9fe:a9fe::1", "linkLocal"],
    ["2002:c0a8:101:1::5", "private"],
    ["::ffff:0:7f00:1", "loopback"],
    ["::ffff:0:127.0.0.1", "loopback"],
    ["::ffff:0:a9fe:a9fe", "linkLocal"],
    ["64:ff9b:1::7f00:1", "loopback"],
    ["64:ff9b::a9fe:a9fe", "linkLocal"],
    ["fe80::1%eth0", "linkLocal"],
    ["2002:5db8:d822::1", "public"],
    ["::ffff:0:5db8:d822", "public"],
  ])("classifies %s as %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it("refuses everything but public addresses by default", () => {
    for (const a of ["127.0.0.1", "10.0.0.1", "169.254.169.254", "::1", "0.0.0.0"]) expect(isAllowedAddress(a, false)).toBe(false);
    expect(isAllowedAddress("93.184.216.34", false)).toBe(true);
  });

  it("with the explicit setting opens loopback and private networks, never the metadata service", () => {
    expect(isAllowedAddress("127.0.0.1", true)).toBe(true);
    expect(isAllowedAddress("10.0.0.1", true)).toBe(true);
    expect(isAllowedAddress("169.254.169.254", true)).toBe(false);
    expect(isAllowedAddress("0.0.0.0", true)).toBe(false);
  });
});
