// The cluster the `npm run test:cluster` suite runs against (tests/cluster): a throwaway PostgreSQL
// primary made with the machine's PostgreSQL 15 binaries, a streaming replica of it made with
// pg_basebackup, two production instances (`tsx scripts/serve.ts`, the `npm start` path) and
// HAProxy in front of them, health-checking /api/health/ready, round robin. Everything lives in a
// temporary folder and on ports of its own, so the machine's own databases are never touched.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, openSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { HAPROXY, startHaproxy, waitBalanced as waitBalancedOn } from "./haproxy";
import { startSmtpCapture, type SmtpCapture } from "./smtp-capture";

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
const ROOT = process.cwd();
export const PORTS = { balancer: 3170, instances: [3171, 3172], webhook: 3179, primary: 5441, replica: 5442 } as const;
export const DATABASE = "tanggap_cluster_app";
export const BASE_URL = `http://127.0.0.1:${PORTS.balancer}`;
export const METRICS_TOKEN = "cluster-suite-metrics-token";

export interface Instance {
  name: string;
  port: number;
  process: ChildProcess | null;
  log: string;
}

/** Receives the app's webhooks; can hold them unanswered to keep a delivery's claim in hand. */
export interface WebhookReceiver {
  /** Every delivery received (Tanggap-Delivery header), in order, repeats included. */
  readonly deliveries: { id: string; event: string; body: string }[];
  /** Requests held unanswered right now. */
  readonly held: number;
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

export interface Cluster {
  dir: string;
  primaryUrl: string;
  replicaUrl: string;
  instances: Instance[];
  smtp: SmtpCapture;
  webhooks: WebhookReceiver;
  /** A query on the primary (or the replica). */
  sql<T extends pg.QueryResultRow>(text: string, values?: unknown[], on?: "primary" | "replica"): Promise<T[]>;
  startInstance(instance: Instance): Promise<void>;
  /** SIGTERM, and resolves with the exit code once it has exited. */
  stopInstance(instance: Instance): Promise<number | null>;
  killInstance(instance: Instance): Promise<void>;
  /** Resolves once HAProxy's health check sends traffic to every running instance. */
  waitBalanced(): Promise<void>;
  stopReplica(): void;
  startReplica(): void;
  stop(): Promise<void>;
}

const asPostgres = (args: string[], log?: string) => {
  const result = spawnSync("runuser", ["-u", "postgres", "--", ...args], { encoding: "utf8" });
  if (log) appendFileSync(log, `$ ${args.join(" ")}\n${result.stdout}${result.stderr}`);
  if (result.status !== 0) throw new Error(`${args[0]} failed (${result.status}): ${result.stderr || result.stdout}`);
};

function pgCtl(dataDir: string, action: "start" | "stop", log: string) {
  const args = [join(PG_BIN, "pg_ctl"), "-D", dataDir, "-w", "-t", "60"];
  asPostgres(
    action === "start" ? [...args, "-l", join(dataDir, "..", `${dataDir.split("/").pop()}.log`), "start"] : [...args, "-m", "fast", "stop"],
    log,
  );
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, patienceMs = 120_000): Promise<T> {
  const until = Date.now() + patienceMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`cluster: ${what} did not happen within ${patienceMs / 1000} s`);
    await sleep(250);
  }
}

async function status(url: string): Promise<number | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return undefined;
  }
}

function startWebhookReceiver(port: number): Promise<WebhookReceiver & { server: Server }> {
  const deliveries: { id: string; event: string; body: string }[] = [];
  let holding = false;
  const waiting: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      deliveries.push({
        id: String(req.headers["tanggap-delivery"] ?? ""),
        event: String(req.headers["tanggap-event"] ?? ""),
        body: Buffer.concat(chunks).toString("utf8"),
      });
      if (holding) {
        waiting.push(res);
        res.on("close", () => waiting.splice(waiting.indexOf(res) >>> 0, 1));
      } else res.writeHead(204).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(port, "127.0.0.1", () =>
      resolve({
        server,
        deliveries,
        get held() {
          return waiting.filter((r) => !r.writableEnded && !r.destroyed).length;
        },
        hold: () => {
          holding = true;
        },
        release: () => {
          holding = false;
          for (const res of waiting.splice(0)) if (!res.writableEnded && !res.destroyed) res.writeHead(204).end();
        },
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    ),
  );
}

export async function startCluster(): Promise<Cluster> {
  if (!existsSync(HAPROXY)) throw new Error("HAProxy is missing: apt-get install -y haproxy");
  if (!existsSync(join(ROOT, ".next", "BUILD_ID"))) throw new Error("No production build: run `npx next build` first");
  const dir = mkdtempSync(join(tmpdir(), "tanggap-cluster-"));
  const began = Date.now();
  const phase = (what: string) => console.log(`cluster: ${what} (${((Date.now() - began) / 1000).toFixed(1)} s)`);
  spawnSync("chown", ["postgres:postgres", dir]);
  const setupLog = join(dir, "setup.log");
  writeFileSync(setupLog, "");
  const primaryDir = join(dir, "primary");
  const replicaDir = join(dir, "replica");
  const children: ChildProcess[] = [];
  // Every process group, whether or not its leader is still alive: a launcher that exited can leave
  // its server behind in the group.
  const killAll = () => {
    for (const child of children) {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // The whole group is gone.
      }
    }
  };
  process.once("exit", killAll);

  // The primary: wal_level=replica and WAL senders for the standby; fsync off, it is thrown away.
  asPostgres([join(PG_BIN, "initdb"), "-D", primaryDir, "-A", "trust", "-U", "postgres", "--no-sync"], setupLog);
  appendFileSync(
    join(primaryDir, "postgresql.conf"),
    `\nport = ${PORTS.primary}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\nwal_level = replica\nmax_wal_senders = 5\nhot_standby = on\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\nshared_buffers = 32MB\nmax_connections = 100\n`,
  );
  pgCtl(primaryDir, "start", setupLog);
  const primaryUrl = `postgresql://postgres@127.0.0.1:${PORTS.primary}/${DATABASE}`;
  const replicaUrl = `postgresql://postgres@127.0.0.1:${PORTS.replica}/${DATABASE}`;
  const admin = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${PORTS.primary}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();

  // The streaming replica: a base backup of the primary that follows it (-R writes standby.signal).
  asPostgres(
    [
      join(PG_BIN, "pg_basebackup"),
      "-h",
      "127.0.0.1",
      "-p",
      String(PORTS.primary),
      "-U",
      "postgres",
      "-D",
      replicaDir,
      "-R",
      "-X",
      "stream",
      // A fast checkpoint: the default spread one makes the backup wait most of a minute or more.
      "-c",
      "fast",
      "--no-sync",
    ],
    setupLog,
  );
  spawnSync("runuser", ["-u", "postgres", "--", "sh", "-c", `echo "port = ${PORTS.replica}" >> ${replicaDir}/postgresql.auto.conf`]);
  pgCtl(replicaDir, "start", setupLog);

  phase("primary and replica running");
  const authSecret = randomBytes(33).toString("base64");
  const smtp = await startSmtpCapture();
  const webhooks = await startWebhookReceiver(PORTS.webhook);

  // Migrations, the demo staff and complaints, and a webhook endpoint, once, before any instance starts.
  const prepare = spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), [join(ROOT, "tests", "support", "cluster-prepare.ts")], {
    cwd: ROOT,
    encoding: "utf8",
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: primaryUrl,
      AUTH_SECRET: authSecret,
      WEBHOOK_URL: `http://127.0.0.1:${PORTS.webhook}/hook`,
    },
  });
  appendFileSync(setupLog, prepare.stdout + prepare.stderr);
  if (prepare.status !== 0) throw new Error(`cluster-prepare failed: ${prepare.stderr || prepare.stdout}`);

  phase("migrated and seeded");
  const instanceEnv = (port: number): NodeJS.ProcessEnv => ({
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    DATABASE_URL: primaryUrl,
    DATABASE_REPLICA_URL: replicaUrl,
    DATABASE_POOL_SIZE: "5",
    // Each instance stands for a machine of its own: one server process each keeps the suite's two
    // instances within this machine's two cores (several processes per instance: tests/hostile/cluster.spec.ts).
    WEB_CONCURRENCY: "1",
    AUTH_SECRET: authSecret,
    PUBLIC_BASE_URL: BASE_URL,
    SMTP_URL: smtp.url,
    MAIL_POLL_MS: "300",
    WEBHOOK_POLL_MS: "300",
    WEBHOOK_ALLOW_PRIVATE: "1",
    // Short, so the suite sees a killed instance's claims taken over (the least the outbox allows).
    WEBHOOK_LEASE_MS: "20000",
    SLA_MONITOR_INTERVAL_MS: "500",
    BOARD_REFRESH_MS: "3600000",
    // HAProxy appends the client's address to X-Forwarded-For.
    TRUSTED_PROXY_HOPS: "1",
    COMPLAINT_LIMIT_PER_IP: "5000",
    METRICS_TOKEN,
    // tests/cluster/06-read-your-writes.spec.ts pauses the replica's replay: the reports page states
    // the lag a few seconds in, and the writer's reads stay on the primary for a minute, longer than
    // a few page loads take on a busy machine.
    REPLICA_LAG_NOTICE_SECONDS: "3",
    REPLICA_READ_YOUR_WRITES_SECONDS: "60",
    // Longer than HAProxy needs to see readiness fail (two checks, 500 ms apart, each answered within 5 s).
    DRAIN_GRACE_MS: "4000",
    SHUTDOWN_TIMEOUT_MS: "20000",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
  });

  const instances: Instance[] = PORTS.instances.map((port, i) => ({
    name: `app${i + 1}`,
    port,
    process: null,
    log: join(dir, `app${i + 1}.log`),
  }));

  const startInstance = async (instance: Instance) => {
    if ((await status(`http://127.0.0.1:${instance.port}/api/health`)) !== undefined)
      throw new Error(`port ${instance.port} is taken: a server from an earlier run is still there`);
    const out = openSync(instance.log, "a");
    // detached: a process group of its own (the launcher and the server it spawns), killed whole.
    // `npm start`'s own command. Not through the tsx CLI: its signal relay gives the child a few
    // milliseconds to acknowledge a SIGTERM and, on a busy machine, exits 143 instead of waiting for the drain.
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "scripts", "serve.ts")], {
      cwd: ROOT,
      env: instanceEnv(instance.port),
      stdio: ["ignore", out, out],
      detached: true,
    });
    children.push(child);
    instance.process = child;
    await waitFor(`${instance.name} ready`, async () => {
      if (child.exitCode !== null) throw new Error(`${instance.name} exited with ${child.exitCode}; see ${instance.log}`);
      return (await status(`http://127.0.0.1:${instance.port}/api/health/ready`)) === 200 ? true : undefined;
    }).catch((error: unknown) => {
      if (child.exitCode !== null) throw new Error(`${instance.name} exited with ${child.exitCode}; see ${instance.log}`);
      throw error;
    });
  };

  const exited = (child: ChildProcess) =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve(child.exitCode)
      : new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const stopInstance = async (instance: Instance) => {
    const child = instance.process;
    if (!child?.pid) return null;
    // The launcher forwards SIGTERM to the server, which drains (scripts/lib/next-server.ts).
    child.kill("SIGTERM");
    const code = await exited(child);
    instance.process = null;
    return code;
  };

  const killInstance = async (instance: Instance) => {
    const child = instance.process;
    if (!child?.pid) return;
    process.kill(-child.pid, "SIGKILL");
    await exited(child);
    // The group's other members (the server the launcher spawned) die with it; wait until the port is free.
    await waitFor(`${instance.name} gone`, async () =>
      (await status(`http://127.0.0.1:${instance.port}/api/health`)) === undefined ? true : undefined,
    );
    instance.process = null;
  };

  // Both at once: each start finds the migrations applied and the reference data already seeded.
  await Promise.all(instances.map(startInstance));
  phase("instances ready");

  const haproxy = startHaproxy(
    dir,
    PORTS.balancer,
    instances.map((i) => ({ name: i.name, port: i.port })),
  );
  children.push(haproxy);

  const waitBalanced = () =>
    waitBalancedOn(
      BASE_URL,
      instances.filter((i) => i.process).map((i) => i.name),
    );
  await waitBalanced();
  phase("balanced");

  const sql = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = [], on: "primary" | "replica" = "primary") => {
    const client = new pg.Client({ connectionString: on === "primary" ? primaryUrl : replicaUrl });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  };

  return {
    dir,
    primaryUrl,
    replicaUrl,
    instances,
    smtp,
    webhooks,
    sql,
    startInstance,
    stopInstance,
    killInstance,
    waitBalanced,
    stopReplica: () => pgCtl(replicaDir, "stop", setupLog),
    startReplica: () => pgCtl(replicaDir, "start", setupLog),
    async stop() {
      if (haproxy.pid && haproxy.exitCode === null) process.kill(-haproxy.pid, "SIGTERM");
      await Promise.all(instances.map((i) => stopInstance(i).catch(() => null)));
      killAll();
      await webhooks.close();
      await smtp.close();
      for (const data of [replicaDir, primaryDir]) {
        try {
          pgCtl(data, "stop", setupLog);
        } catch {
          // Already stopped (the replica test stops it).
        }
      }
      process.off("exit", killAll);
      if (!process.env.CLUSTER_KEEP) rmSync(dir, { recursive: true, force: true });
    },
  };
}
