import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { MAX_BODY_BYTES } from "./src/server/request-limits";
import { STATIC_SECURITY_HEADERS } from "./src/server/security/csp";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Loaded at run time from node_modules rather than bundled: native and WebAssembly code; and
  // prom-client, so the route handlers and the server wrapper share one copy (pino is external by default).
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "@prisma/schema-engine-wasm", "prom-client"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403.
    authInterrupts: true,
    serverActions: {
      // See src/server/request-limits.ts. The file input also checks sizes before sending.
      bodySizeLimit: MAX_BODY_BYTES,
    },
    // src/proxy.ts runs on form posts too, and Next buffers what passes a proxy only up to 10 MB by
    // default: three 4.5 MB photos would arrive cut short ("Unexpected end of form").
    proxyClientMaxBodySize: MAX_BODY_BYTES,
  },
  async headers() {
    return [
      {
        source: "/:path*",
        // The per-request Content-Security-Policy is set by src/proxy.ts.
        headers: [...STATIC_SECURITY_HEADERS],
      },
      // The tracking URL is a secret: never send it on as a referrer.
      { source: "/track/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      // Attachment URLs may carry the tracking token too.
      { source: "/api/attachments/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};

export default withNextIntl(nextConfig);
