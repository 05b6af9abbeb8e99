// `npm start` with several server processes (WEB_CONCURRENCY, scripts/lib/cluster.ts), on an
// instance and database of this spec's own: both processes answer on the one port, only one runs
// the background loops, and SIGTERM stops every process through its own graceful stop, then the primary.
import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:http";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { expect, test } from "@playwright/test";
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
function get(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", () => resolve(0));
    req.setTimeout(5_000, () => req.destroy());
    req.end();
  });
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

test("two server processes share the port and the work, and SIGTERM stops them all cleanly", async () => {
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
  for (let i = 0; i < 40 && answering.size < 2; i++) {
    expect(await get(`${base}/api/health/live`)).toBe(200);
    await sleep(50);
    for (const line of lines()) if (line.path === "/api/health/live") answering.add(line.pid as number);
  }
  expect(answering.size).toBe(2);
  expect(answering.has(server.pid!)).toBe(false);

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
