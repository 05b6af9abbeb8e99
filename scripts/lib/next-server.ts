// The HTTP server in front of Next.js, started by ./launch.ts: `next start` (or `next dev`)
// plus one thing Next leaves to us — the client's address, resolved from the socket and never
// from a header the client wrote (see src/server/client-ip.ts). Usage:
//   tsx scripts/lib/next-server.ts <start|dev> <port>
import { createServer } from "node:http";
import { CLIENT_IP_HEADER, resolveClientIp } from "../../src/server/client-ip";
import { MAX_BODY_BYTES } from "../../src/server/request-limits";
import { exitOnBadSettings } from "../../src/server/settings-check";

const [mode = "start", portText = "3000"] = process.argv.slice(2);
const dev = mode === "dev";
const port = Number(portText);
(process.env as Record<string, string>).NODE_ENV ??= dev ? "development" : "production";
// Every setting, checked before Next loads (instrumentation.ts checks again for a bare `next start`).
const { TRUSTED_PROXY_HOPS: trustedProxyHops } = exitOnBadSettings(["AUTH_SECRET", "DATABASE_URL"]);

const { default: next } = await import("next");
// Turbopack in development, as `next dev` uses by default.
const app = next({ dev, port, hostname: "0.0.0.0", turbopack: dev });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  // A body larger than any form is refused with a status that says so; it is drained, never
  // kept, so the client reads the answer instead of a reset connection.
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) {
    req.resume();
    req.once("end", () => {
      res.writeHead(413, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(`Request body too large: the limit is ${MAX_BODY_BYTES / 1024 / 1024} MB.\n`);
    });
    return;
  }
  const forwardedFor = req.headers["x-forwarded-for"];
  req.headers[CLIENT_IP_HEADER] = resolveClientIp(
    req.socket.remoteAddress,
    Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor,
    trustedProxyHops,
  );
  void handle(req, res);
});
const upgrade = app.getUpgradeHandler();
server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));
server.listen(port, () => console.log(`Tanggap (${dev ? "development" : "production"}) on http://localhost:${port}`));

// Background loops stop on the same signals (src/server/jobs/once-per-process.ts); give them
// and open requests a moment, then leave.
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3_000).unref();
  });
}
