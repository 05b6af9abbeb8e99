// The page policy, built per request around a fresh nonce. Plain TypeScript so it is tested
// without a server; src/proxy.ts applies it.

/** 128 random bits, base64: unguessable, and a valid CSP nonce-source. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Scripts run only when they carry this response's nonce — Next.js stamps it on its own
 * bootstrap scripts — or are loaded by one that does ('strict-dynamic'); no 'unsafe-inline'.
 *
 * Styles allow 'unsafe-inline': React renders `style={{…}}` props (recharts positions its SVG
 * and tooltip that way, Next's route announcer too) as style attributes, which a nonce can never
 * cover, and a nonce in style-src would make browsers ignore 'unsafe-inline'. Inline styles
 * cannot run code; the risk left is CSS-based exfiltration from a page an attacker can already
 * inject markup into, which the escaping of every rendered value prevents.
 */
export function contentSecurityPolicy(nonce: string, options: { development?: boolean } = {}): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // React in development rebuilds server error stacks with eval; production never evals.
    "script-src": [`'nonce-${nonce}'`, "'strict-dynamic'", ...(options.development ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...(options.development ? ["ws:"] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** Headers every response carries, pages or not (next.config.ts sets them). */
export const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Older browsers that ignore frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  // Nothing here uses these devices or APIs; a script that got in cannot either.
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
] as const;
