// What a request's path may say in a log line or a metric label. A tracking link is the
// customer's only credential (src/server/tracking-token.ts) and attachment links carry it in the
// query string, so neither ever reaches a log or a metric.

const TRACKING_PATH = /^\/track\/[^/]+/;

/** The path without its query string, with a tracking token replaced. */
export function pathForLog(url: string | undefined): string {
  const path = (url ?? "/").split(/[?#]/, 1)[0] || "/";
  return path.replace(TRACKING_PATH, "/track/[redacted]");
}

type Segment = { kind: "static"; value: string } | { kind: "dynamic" } | { kind: "rest"; optional: boolean };

interface Pattern {
  route: string;
  segments: Segment[];
}

function parse(route: string): Pattern {
  const segments = route
    .split("/")
    .filter(Boolean)
    .map((part): Segment => {
      if (part.startsWith("[[...")) return { kind: "rest", optional: true };
      if (part.startsWith("[...")) return { kind: "rest", optional: false };
      if (part.startsWith("[")) return { kind: "dynamic" };
      return { kind: "static", value: part };
    });
  return { route, segments };
}

// Static segments win over parameters, parameters over catch-alls, as in Next's own router.
const rank = (s: Segment) => (s.kind === "static" ? 0 : s.kind === "dynamic" ? 1 : 2);
function moreSpecific(a: Pattern, b: Pattern): number {
  for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
    const x = a.segments[i];
    const y = b.segments[i];
    if (!x || !y) return x ? -1 : 1;
    if (rank(x) !== rank(y)) return rank(x) - rank(y);
  }
  return 0;
}

function matches(pattern: Pattern, parts: string[]): boolean {
  for (const [i, segment] of pattern.segments.entries()) {
    if (segment.kind === "rest") return parts.length > i || segment.optional;
    const part = parts[i];
    if (part === undefined) return false;
    if (segment.kind === "static" && segment.value !== part) return false;
  }
  return parts.length === pattern.segments.length;
}

/**
 * Maps a request path to the app route that serves it ("/track/[token]"), for metric labels: a
 * bounded set, and no token or reference in any of them. Build assets are one label; anything
 * else unknown is "other".
 */
export function routeMatcher(routes: Iterable<string>): (url: string | undefined) => string {
  const patterns = [...new Set(routes)].map(parse).sort(moreSpecific);
  return (url) => {
    const path = (url ?? "/").split(/[?#]/, 1)[0] || "/";
    if (path.startsWith("/_next/")) return "/_next/*";
    const parts = path.split("/").filter(Boolean);
    return patterns.find((p) => matches(p, parts))?.route ?? "other";
  };
}
