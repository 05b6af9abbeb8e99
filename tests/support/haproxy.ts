// HAProxy in front of production instances, as the cluster suite (tests/support/cluster.ts) and the
// instances bench (bench/instances.ts) run it: one configuration, so the bench measures the shape the
// suite proves. Round robin, health checks on /api/health/ready, and X-Served-By naming the instance
// that answered.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, openSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export const HAPROXY = "/usr/sbin/haproxy";
/** The header HAProxy adds to every answer, naming the instance that served it (app1, app2, …). */
export const SERVED_BY = "x-served-by";

export interface Backend {
  name: string;
  port: number;
}

export function haproxyConfig(port: number, backends: readonly Backend[]): string {
  const servers = backends.map((b) => `  server ${b.name} 127.0.0.1:${b.port} check inter 500 fall 2 rise 1`).join("\n");
  return `global
  maxconn 512
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  # A health check answered slowly on a busy machine is not a failure.
  timeout check 5s
  # A request to an instance that has just gone (refused connection) goes to another one.
  retries 3
  option redispatch 1
  retry-on conn-failure
  # A fresh connection per request: no request is ever sent down a kept-alive connection that a
  # draining instance is closing.
  option http-server-close
  http-reuse never
frontend tanggap
  bind 127.0.0.1:${port}
  option forwardfor
  default_backend app
backend app
  balance roundrobin
  option httpchk GET /api/health/ready
  http-check expect status 200
  http-response set-header X-Served-By %[srv_name]
${servers}
`;
}

/**
 * Writes the configuration into `dir` and starts HAProxy in the foreground, in a process group of
 * its own (detached) so the caller can end it whole; its log goes to `dir`/haproxy.log.
 */
export function startHaproxy(dir: string, port: number, backends: readonly Backend[]): ChildProcess {
  if (!existsSync(HAPROXY)) throw new Error("HAProxy is missing: apt-get install -y haproxy");
  const config = join(dir, "haproxy.cfg");
  writeFileSync(config, haproxyConfig(port, backends));
  const log = openSync(join(dir, "haproxy.log"), "a");
  return spawn(HAPROXY, ["-f", config, "-db"], { stdio: ["ignore", log, log], detached: true });
}

/** Resolves once the balancer at `baseUrl` sends traffic to every one of `names` (its health checks passed). */
export async function waitBalanced(baseUrl: string, names: readonly string[], patienceMs = 120_000): Promise<void> {
  const until = Date.now() + patienceMs;
  for (;;) {
    const seen = new Set<string>();
    for (let i = 0; i < names.length * 3; i++) {
      try {
        const response = await fetch(`${baseUrl}/api/health/ready`, { signal: AbortSignal.timeout(5_000) });
        await response.arrayBuffer();
        if (response.ok) seen.add(response.headers.get(SERVED_BY) ?? "");
      } catch {
        // Not listening yet, or no server up: asked again below.
      }
    }
    if (names.every((name) => seen.has(name))) return;
    if (Date.now() > until) throw new Error(`the balancer at ${baseUrl} did not reach ${names.join(", ")} within ${patienceMs / 1000} s`);
    await sleep(250);
  }
}
