/**
 * The header our own HTTP server (scripts/lib/next-server.ts) sets on every request, after
 * removing whatever a client sent under that name. Next.js alone is no help here: `next start`
 * passes a client's X-Forwarded-For through untouched and only fills it in when absent, so any
 * entry of it may be the client's own invention — a rate-limit key a client could rotate.
 */
export const CLIENT_IP_HEADER = "x-tanggap-client-ip";

/**
 * The address to hold a client to: the socket's peer, or, behind `trustedProxyHops` proxies
 * that each append the address they saw to X-Forwarded-For, the entry the outermost trusted
 * proxy appended. Entries before it are whatever the client chose to send.
 */
export function resolveClientIp(socketAddress: string | undefined, forwardedFor: string | undefined, trustedProxyHops: number): string {
  const chain = [
    ...(forwardedFor ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    socketAddress ?? "unknown",
  ];
  const index = Math.max(0, chain.length - 1 - trustedProxyHops);
  return chain[index]!;
}

/** For rate limits: the address our server resolved, or one shared "unknown" bucket without it. */
export function clientIp(headers: Headers): string {
  return headers.get(CLIENT_IP_HEADER) || "unknown";
}
