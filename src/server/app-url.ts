import { env } from "@/env";

// The address people reach the app at, for every link we hand out: in mail, which has no
// request to ask, and on the receipt. Never the request's Host or X-Forwarded-Host: a client
// chooses those, and a link built from them would point wherever it liked. The launcher sets
// PUBLIC_BASE_URL (defaulting to http://localhost:<port>).
export function appUrl(path: string): string {
  const base = env().PUBLIC_BASE_URL ?? `http://localhost:${env().PORT}`;
  return new URL(path, base).toString();
}
