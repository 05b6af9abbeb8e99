// Operations against the production build, on an instance and database of this spec's own (the
// suite's server is not stopped): readiness turns false on SIGTERM while the request in flight is
// answered; request logs and metrics come from the one process-wide logger and registry although
// Next bundles the route handlers apart from the server wrapper; no tracking token leaks into either.
import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:http";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { expect, test } from "@playwright/test";
import { freshDatabase, type FreshDatabase } from "../support/fresh-database";
import { actionBody, actionResult } from "../support/server-actions";
import { action, complaintFields } from "./support";

const METRICS_TOKEN = "hostile-operations-metrics-token";
const TRACKING_TOKEN = "v1.NotARealTokenButSecretLooking_0123456789";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

async function status(url: string, headers: Record<string, string> = {}): Promise<number> {
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(5_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

async function until<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, ms = 120_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${String(value)} after ${ms} ms`);
    await sleep(200);
  }
}

let database: FreshDatabase | undefined;
let server: ChildProcess | undefined;

test.afterAll(async () => {
  server?.kill("SIGKILL");
  await database?.drop();
});

test("a SIGTERM'd instance reports not ready, answers the request in flight, logs and measures without tokens", async () => {
  database = await freshDatabase("tanggap_ops");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // `npm start`'s path: migrations, seed, then the server wrapper, which SIGTERM reaches through it.
  server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: database.url,
      AUTH_SECRET: "hostile-operations-secret-0123456789-abcdef",
      PUBLIC_BASE_URL: base,
      METRICS_TOKEN,
      LOG_LEVEL: "info",
      DRAIN_GRACE_MS: "1500",
      // One server process: the request counts below are one registry's (several processes are
      // tests/hostile/cluster.spec.ts).
      WEB_CONCURRENCY: "1",
      SHUTDOWN_TIMEOUT_MS: "30000",
      // Its mail goes nowhere: this instance's worker must not race the suite's.
      SMTP_URL: "smtp://127.0.0.1:1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  server.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => server!.once("exit", (code) => resolve(code)));

  await until(
    "readiness",
    () => status(`${base}/api/health/ready`),
    (s) => s === 200,
  );

  const live = await fetch(`${base}/api/health/live`, { headers: { "X-Request-Id": "ops-hostile-1" } });
  expect(live.status).toBe(200);
  expect(live.headers.get("x-request-id")).toBe("ops-hostile-1");
  const forged = await fetch(`${base}/api/health/live`, { headers: { "X-Request-Id": "forged\tline" } });
  expect(forged.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  await status(`${base}/track/${TRACKING_TOKEN}`);
  await status(`${base}/api/attachments/00000000-0000-4000-8000-000000000000?token=${TRACKING_TOKEN}`);

  expect(await status(`${base}/api/metrics`)).toBe(401);
  const scrape = await fetch(`${base}/api/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(scrape.status).toBe(200);
  const exposition = await scrape.text();
  // Written by the wrapper, read by a route handler: one registry across the two.
  expect(exposition).toMatch(/tanggap_http_request_duration_seconds_count\{method="GET",route="\/api\/health\/live",status="200"\} 2/);
  expect(exposition).toContain('route="/track/[token]"');
  expect(exposition).toContain('route="/api/attachments/[id]"');
  expect(exposition).toContain('tanggap_outbox_messages{channel="email",status="PENDING"}');
  expect(exposition).toContain("tanggap_sla_breaches_total");
  expect(exposition).toContain('tanggap_outbox_claim_takeovers_total{channel="email"}');
  expect(exposition).not.toContain(TRACKING_TOKEN);

  // A complaint whose body is still arriving when the stop begins.
  const submit = action("submitComplaint");
  const form = new Response(actionBody("state+form", complaintFields("ops", 1)));
  const body = Buffer.from(await form.arrayBuffer());
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      `${base}${submit.page}`,
      {
        method: "POST",
        headers: {
          "Next-Action": submit.id,
          Accept: "text/x-component",
          Origin: base,
          "Content-Type": form.headers.get("content-type")!,
          "Content-Length": String(body.length),
        },
      },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.write(body.subarray(0, 100));
    void until(
      "the drain closing the door",
      () => status(`${base}/api/health/live`),
      (s) => s === 0,
      30_000,
    ).then(() => req.end(body.subarray(100)), reject);
  });
  await sleep(300);

  server.kill("SIGTERM");
  const ready = await until(
    "readiness while draining",
    () => fetch(`${base}/api/health/ready`),
    (r) => r.status === 503,
  );
  expect(await ready.json()).toEqual({ status: "unavailable", reason: "draining" });
  // Alive all the same: nothing for a restart to cure.
  expect(await status(`${base}/api/health/live`)).toBe(200);

  const filed = await answer;
  expect(filed.status).toBe(200);
  expect(actionResult(filed.text)).toMatchObject({ status: "success" });
  expect(await exited).toBe(0);

  const lines = output
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines).toContainEqual(
    expect.objectContaining({ requestId: "ops-hostile-1", method: "GET", path: "/api/health/live", status: 200 }),
  );
  expect(lines).toContainEqual(expect.objectContaining({ path: "/track/[redacted]" }));
  expect(lines).toContainEqual(expect.objectContaining({ path: "/api/attachments/00000000-0000-4000-8000-000000000000" }));
  expect(lines).toContainEqual(expect.objectContaining({ method: "POST", status: 200 }));
  expect(lines).toContainEqual(expect.objectContaining({ msg: expect.stringContaining("stopped: every request in flight answered") }));
  expect(output).not.toContain(TRACKING_TOKEN);
});
