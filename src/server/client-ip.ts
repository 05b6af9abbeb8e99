// The address of the peer nearest to us: the last entry of X-Forwarded-For, which
// `next start` (or the proxy in front of it) appends. Entries before it are whatever
// the client chose to send, so using the first would let a client pick its own limit key.
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).pop();
  return last || headers.get("x-real-ip") || "unknown";
}
