// `npm start` with several server processes (WEB_CONCURRENCY, scripts/lib/cluster.ts), on an
// instance and database of this spec's own: both processes answer on the one port, only one runs
// the background loops, /api/metrics counts the requests of both, and SIGTERM stops every process
// through its own graceful stop, then the primary.
import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:http";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { freshDatabase, type FreshDatabase } from "../support/fresh-database";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

/** A GET on a connection of its own (no keep-alive), so the cluster may hand each to another process. */
async function get(url: string): Promise<number> {
  return (await getText(url)).status;
}

function getText(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", () => resolve({ status: 0, body: "" }));
    req.setTimeout(10_000, () => req.destroy());
    req.end();
  });
}

const METRICS_TOKEN = "hostile-cluster-metrics-token";
const LIVE_COUNT = 'tanggap_http_request_duration_seconds_count{method="GET",route="/api/health/live",status="200"}';
/** The value of the one sample line that starts with `series` (a name and its labels); undefined when absent. */
function sample(body: string, series: string): number | undefined {
  const lines = body.split("\n").filter((l) => l.startsWith(`${series} `));
  expect(lines.length, series).toBeLessThanOrEqual(1);
  return lines[0] === undefined ? undefined : Number(lines[0].slice(series.length + 1));
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let database: FreshDatabase | undefined;
let server: ChildProcess | undefined;

test.afterAll(async () => {
  server?.kill("SIGKILL");
  await database?.drop();
});

test("two server processes share the port and the work, one scrape counts the requests of both, and SIGTERM stops them all cleanly", async () => {
  database = await freshDatabase("tanggap_cluster");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: database.url,
      AUTH_SECRET: "hostile-cluster-secret-0123456789-abcdefgh",
      PUBLIC_BASE_URL: base,
      LOG_LEVEL: "info",
      WEB_CONCURRENCY: "2",
      METRICS_TOKEN,
      SHUTDOWN_TIMEOUT_MS: "30000",
      // The background loops log when they start; their mail goes nowhere.
      SMTP_URL: "smtp://127.0.0.1:1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  server.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => server!.once("exit", (code) => resolve(code)));

  await expect.poll(() => output, { timeout: 180_000 }).toContain(`on http://localhost:${port}, 2 processes`);
  const lines = () =>
    output
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  // Each request on a new connection; the primary deals connections round-robin.
  const answering = new Set<number>();
  let sent = 0;
  for (let i = 0; i < 40 && answering.size < 2; i++) {
    expect(await get(`${base}/api/health/live`)).toBe(200);
    sent++;
    await sleep(50);
    for (const line of lines()) if (line.path === "/api/health/live") answering.add(line.pid as number);
  }
  expect(answering.size).toBe(2);
  expect(answering.has(server.pid!)).toBe(false);

  // A few more, so each process has answered several.
  for (let i = 0; i < 6; i++, sent++) expect(await get(`${base}/api/health/live`)).toBe(200);

  // Mail not due for a day: the outbox depth is a fixed figure of the database during the scrapes.
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const [pending] = await client
    .query<{ n: number }>(
      `INSERT INTO "OutboxMessage" (id, recipient, subject, body, "nextAttemptAt")
       SELECT gen_random_uuid(), 'm' || i || '@example.test', 's', 'b', now() + interval '1 day' FROM generate_series(1, 3) i;
       SELECT count(*)::int AS n FROM "OutboxMessage" WHERE channel = 'email' AND status = 'PENDING'`,
    )
    .then((r) => (r as unknown as pg.QueryResult<{ n: number }>[])[1]!.rows)
    .finally(() => client.end());
  expect(pending!.n).toBeGreaterThanOrEqual(3);

  // Every scrape, whichever process answers it, counts every request sent (not the answering
  // process's share) and states the database's figures once, not once per process.
  const scrape = () => getText(`${base}/api/metrics`, { authorization: `Bearer ${METRICS_TOKEN}` });
  await expect.poll(async () => sample((await scrape()).body, LIVE_COUNT), { timeout: 30_000 }).toBe(sent);
  const scrapedBy = new Set<number>();
  for (let i = 0; i < 4; i++) {
    const { status, body } = await scrape();
    expect(status).toBe(200);
    expect(sample(body, LIVE_COUNT)).toBe(sent);
    expect(sample(body, 'tanggap_outbox_messages{channel="email",status="PENDING"}')).toBe(pending!.n);
    expect(sample(body, "tanggap_sla_breaches_total")).toBe(0);
    expect(sample(body, 'tanggap_outbox_claim_takeovers_total{channel="email"}')).toBe(0);
    await sleep(50);
    for (const line of lines()) if (line.path === "/api/metrics") scrapedBy.add(line.pid as number);
  }
  expect(scrapedBy).toEqual(answering);

  // The background loops run in one of the two (src/instrumentation.ts says where).
  const background = lines().filter((l) => l.component === "background");
  expect(background).toHaveLength(1);
  expect(answering.has(background[0]!.pid as number)).toBe(true);

  server.kill("SIGTERM");
  expect(await exited).toBe(0);
  const stopped = lines().filter((l) => String(l.msg).startsWith("stopped: every request in flight answered"));
  expect(new Set(stopped.map((l) => l.pid))).toEqual(answering);
  for (const pid of answering) expect(alive(pid)).toBe(false);
  expect(await get(`${base}/api/health/live`)).toBe(0);
});
