import autocannon from "autocannon";
import { summariseLatencies, type LatencySummary } from "./stats";

export interface LoadResult extends LatencySummary {
  /** Responses per second over the whole run. */
  rate: number;
  /** Responses that were not what a browser would count as success (status, or the check below). */
  failures: number;
  /** Connection errors and timeouts. */
  errors: number;
  seconds: number;
  sampleFailure?: string;
}

export interface LoadOptions {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** Called before each request: a fresh body (and headers) for it, e.g. a distinct email. */
  body?: () => { body: string; headers?: Record<string, string> };
  connections: number;
  /** Seconds to run, or a number of requests. */
  duration?: number;
  amount?: number;
  /** Whether a 2xx response is really a success (e.g. the action's result says so). */
  check?: (body: string) => boolean;
  expectStatus?: number;
  /** Seconds a response may take before it counts as an error (default 60). */
  timeout?: number;
}

/**
 * Drives `url` with `connections` concurrent keep-alive clients (autocannon) and returns the
 * response rate and latency percentiles. Every response is timed; a response whose status or body
 * is not a success counts as a failure, and failures are reported, never hidden in the rate.
 */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  let sampleFailure: string | undefined;
  const expected = options.expectStatus ?? 200;
  const request: autocannon.Request = {
    method: options.method ?? "GET",
    headers: options.headers,
    // Only when wanted: autocannon merges this object over its defaults, so an undefined key would erase them.
    ...(options.body
      ? {
          setupRequest: (req: autocannon.Request) => {
            const next = options.body!();
            return { ...req, body: next.body, headers: { ...req.headers, ...options.headers, ...next.headers } };
          },
        }
      : {}),
    onResponse: (status, body) => {
      const ok = status === expected && (!options.check || options.check(body));
      if (!ok) {
        failures++;
        sampleFailure ??= `HTTP ${status}: ${body.slice(0, 300)}`;
      }
    },
  };
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? 10 }),
        requests: [request],
        timeout: options.timeout ?? 60,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const seconds = (performance.now() - started) / 1000;
  const summary = summariseLatencies(latencies);
  return { ...summary, rate: latencies.length / seconds, failures, errors: result.errors + result.timeouts, seconds, sampleFailure };
}

/** The cookie pairs (name=value) a response sets. */
export function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/**
 * Signs in through Auth.js's credentials endpoint, as the login form does (CSRF token first), and
 * returns the Cookie header that carries the session.
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/agent" }),
  });
  const location = response.headers.get("location") ?? "";
  if (response.status !== 302 || location.includes("error")) throw new Error(`Sign-in as ${email} failed: ${response.status} ${location}`);
  const session = cookiesOf(response).filter((c) => c.includes("session-token"));
  if (session.length === 0) throw new Error(`Sign-in as ${email} set no session cookie`);
  return [...jar, ...session].join("; ");
}

/** Waits until `url` answers 200, or throws after `timeoutMs`. */
export async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer in ${timeoutMs} ms (${last})`);
}
