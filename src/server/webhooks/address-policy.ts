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

/** The sixteen bytes of a valid IPv6 address (as `isIP` accepts it: "::" shorthand, a dotted tail, a zone). */
function ipv6Bytes(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, "");
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const groups = (part: string) => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const front = groups(head);
  const back = tail === undefined ? [] : groups(tail);
  const all = [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
  return all.flatMap((g) => [g >> 8, g & 255]);
}

const startsWith = (bytes: number[], prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
const zeros = (n: number) => Array<number>(n).fill(0);

/**
 * The IPv4 address an IPv6 one stands for, if any: mapped (::ffff:0:0/96), translated
 * (::ffff:0:0:0/96), IPv4-compatible (::/96), NAT64 (64:ff9b::/96, 64:ff9b:1::/48) and 6to4
 * (2002::/16). Each reaches, through the host's stack or a relay, the IPv4 address inside it.
 */
function embeddedIpv4(address: string): string | null {
  const bytes = ipv6Bytes(address);
  const v4 = (from: number) => bytes.slice(from, from + 4).join(".");
  if (startsWith(bytes, [...zeros(10), 255, 255])) return v4(12);
  if (startsWith(bytes, [...zeros(8), 255, 255, 0, 0])) return v4(12);
  // :: and ::1 themselves are the IPv6 unspecified and loopback addresses, classified as such.
  if (startsWith(bytes, zeros(12)) && !(startsWith(bytes, zeros(15)) && bytes[15]! <= 1)) return v4(12);
  if (startsWith(bytes, [0, 0x64, 0xff, 0x9b, ...zeros(8)])) return v4(12);
  if (startsWith(bytes, [0, 0x64, 0xff, 0x9b, 0, 1])) return v4(12);
  if (startsWith(bytes, [0x20, 0x02])) return v4(2);
  return null;
}

export function classifyAddress(input: string): AddressClass {
  const version = isIP(input);
  if (version === 0) return "reserved";
  if (version === 6) {
    const v4 = embeddedIpv4(input);
    if (v4) return classifyAddress(v4);
  }
  const type = version === 4 ? "ipv4" : "ipv6";
  const address = version === 6 ? input.replace(/%.*$/, "") : input;
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
