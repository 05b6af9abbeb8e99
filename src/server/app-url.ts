// The address people reach the app at, for links in mail. The launcher sets
// PUBLIC_BASE_URL (defaulting to http://localhost:<port>); mail has no request to ask.
export function appUrl(path: string): string {
  const base = process.env.PUBLIC_BASE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return new URL(path, base).toString();
}
