import { BlockList, isIP } from "node:net";

// Where a webhook may be delivered. A registered URL is chosen by whoever registers it, and the
// request leaves from inside our network, so without this an admin account (or a DNS record it
// points at) could make the server call its own loopback services, the private network or the
// cloud's metadata endpoint (server-side request forgery).

export type AddressClass = "public" | "loopback" | "private" | "linkLocal" | "unspecified" | "reserved";

function list(entries: [string, number, "ipv4" | "ipv6"][]): BlockList {
  const b = new BlockList();
  for (const [net, prefix, type] of entries) b.addSubnet(net, prefix, type);
  return b;
}

const LOOPBACK = list([
  ["127.0.0.0", 8, "ipv4"],
  ["::1", 128, "ipv6"],
]);
const PRIVATE = list([
  ["10.0.0.0", 8, "ipv4"],
  ["172.16.0.0", 12, "ipv4"],
  ["192.168.0.0", 16, "ipv4"],
  // Carrier-grade NAT; also where some clouds keep their metadata service (100.100.100.200).
  ["100.64.0.0", 10, "ipv4"],
  ["fc00::", 7, "ipv6"],
]);
// Link-local holds the metadata services (169.254.169.254, fd00:ec2::254 is covered by fc00::/7).
const LINK_LOCAL = list([
  ["169.254.0.0", 16, "ipv4"],
  ["fe80::", 10, "ipv6"],
]);
const UNSPECIFIED = list([
  ["0.0.0.0", 8, "ipv4"],
  ["::", 128, "ipv6"],
]);
const RESERVED = list([
  ["192.0.0.0", 24, "ipv4"],
  ["192.0.2.0", 24, "ipv4"],
  ["198.18.0.0", 15, "ipv4"],
  ["198.51.100.0", 24, "ipv4"],
  ["203.0.113.0", 24, "ipv4"],
  ["224.0.0.0", 4, "ipv4"],
  ["240.0.0.0", 4, "ipv4"],
  ["ff00::", 8, "ipv6"],
  ["2001:db8::", 32, "ipv6"],
  ["100::", 64, "ipv6"],
]);

/** The IPv4 address an IPv6 one carries (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96), if any. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted?.[1]) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex?.[1] || !hex[2]) return null;
  const hi = parseInt(hex[1], 16);
  const lo = parseInt(hex[2], 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

export function classifyAddress(address: string): AddressClass {
  const version = isIP(address);
  if (version === 0) return "reserved";
  if (version === 6) {
    const v4 = embeddedIpv4(address);
    if (v4) return classifyAddress(v4);
  }
  const type = version === 4 ? "ipv4" : "ipv6";
  if (LOOPBACK.check(address, type)) return "loopback";
  if (UNSPECIFIED.check(address, type)) return "unspecified";
  if (LINK_LOCAL.check(address, type)) return "linkLocal";
  if (PRIVATE.check(address, type)) return "private";
  if (RESERVED.check(address, type)) return "reserved";
  return "public";
}

/**
 * Whether a webhook may reach this address. `allowPrivate` (WEBHOOK_ALLOW_PRIVATE=1, for tests and
 * a receiver on the same machine) opens loopback and private networks, never link-local (the
 * metadata services), unspecified or reserved addresses.
 */
export function isAllowedAddress(address: string, allowPrivate: boolean): boolean {
  const kind = classifyAddress(address);
  return kind === "public" || (allowPrivate && (kind === "loopback" || kind === "private"));
}
