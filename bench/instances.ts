// `npm run bench -- --instances 1,2,3 [--seconds N] [--keep] [--fresh] [--skip-build]`: throughput
// against the number of production instances behind HAProxy, on this machine. For each count: that
// many instances (`npm start`'s command, one server process each) on the ports after the balancer's,
// HAProxy in front as the cluster suite runs it, then through the balancer complaint submission
// (8 connections) and the agent queue signed in (4 connections), each with the CPU time every tier
// used. Prints a Markdown table and writes bench/results/<date>-instances.json. See README.md, "Benchmark".
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { execFileSync, type ChildProcess } from "node:child_process";
import pg from "pg";
import { parseReference } from "../src/domain/reference";
import { HAPROXY, startHaproxy, waitBalanced } from "../tests/support/haproxy";
import { benchComplaint, complaintBody, filedReference, findActionId, isFiledResponse } from "./lib/complaint-request";
import { startCpuMeter, type CpuReport } from "./lib/cpu";
import { dropDatabase, prepareBenchDatabase } from "./lib/database";
import { BENCH_AGENT_EMAIL, BENCH_PASSWORD } from "./lib/generate";
import { load, signIn, type LoadResult } from "./lib/http";
import { instancesTable, type InstancesRow } from "./lib/instances-report";
import { QUICK_SCALE } from "./lib/mix";
import { ensureAppBuild, startApp, type RunningServer } from "./lib/servers";

const SUBMIT_CONNECTIONS = 8;
const PAGE_CONNECTIONS = 4;

export interface InstancesOptions {
  counts: number[];
  root: string;
  serverUrl: string;
  dbName: string;
  /** HAProxy's port; instance i listens on the next ones (balancerPort + i). */
  balancerPort: number;
  seconds: number;
  keep: boolean;
  fresh: boolean;
  skipBuild: boolean;
  tmp: string;
  log: (line: string) => void;
}

const loadAverage = () => loadavg().map((l) => Number(l.toFixed(2)));

interface Measured {
  result: LoadResult;
  cpu: CpuReport;
  loadAverageBefore: number[];
}

/** Runs `run` with the CPU meter on: the instances' process trees, HAProxy's, PostgreSQL's, this process. */
async function metered(
  run: () => Promise<LoadResult>,
  tiers: { apps: RunningServer[]; balancer: ChildProcess; database: string },
): Promise<Measured> {
  const loadAverageBefore = loadAverage();
  const meter = startCpuMeter({
    appRoots: tiers.apps.map((a) => a.pid),
    balancerRoot: tiers.balancer.pid,
    database: tiers.database,
    cores: cpus().length,
  });
  try {
    const result = await run();
    return { result, cpu: meter.stop(), loadAverageBefore };
  } catch (error) {
    // Stopped either way: its timer would keep the process alive.
    meter.stop();
    throw error;
  }
}

function describe(name: string, m: Measured): string {
  const r = m.result;
  const p = m.cpu.percent;
  return `  ${name}: ${r.rate.toFixed(1)}/s, p95 ${r.p95.toFixed(0)} ms; CPU (100 % = one core): app ${p.app.toFixed(0)} %, PostgreSQL ${p.postgres.toFixed(0)} %, HAProxy ${p.balancer.toFixed(0)} %, load generator ${p.loadGenerator.toFixed(0)} %, machine ${p.machine.toFixed(0)} % of ${m.cpu.cores * 100} %${r.failures + r.errors ? `; ${r.failures} failed, ${r.errors} errors (${r.sampleFailure ?? "connection errors"})` : ""}`;
}

export async function runInstances(o: InstancesOptions): Promise<void> {
  const { log } = o;
  const startedAt = new Date();
  const runId = randomBytes(4).toString("hex");
  log(
    `Instances bench: ${o.counts.join(", ")} instance(s) behind HAProxy on :${o.balancerPort}, ${QUICK_SCALE.tickets.toLocaleString("en")} tickets, ${o.seconds} s per measurement, ${cpus().length} cores.`,
  );
  const haproxyVersion = execFileSync(HAPROXY, ["-v"], { encoding: "utf8" }).split("\n")[0]!.trim();
  const info = await prepareBenchDatabase(o.serverUrl, o.dbName, QUICK_SCALE, o.fresh, log);
  if (!o.skipBuild) await ensureAppBuild(o.root, join(o.tmp, "build.log"), log);
  const manifest = JSON.parse(readFileSync(join(o.root, ".next", "server", "server-reference-manifest.json"), "utf8"));
  const actionId = findActionId(manifest, "src/features/complaints/actions.ts", "submitComplaint");
  const balancerUrl = `http://127.0.0.1:${o.balancerPort}`;
  // One secret for every instance, as in production: a session signed by one is valid on the others.
  const authSecret = randomBytes(33).toString("base64");
  const boundary = `----TanggapBench${runId}`;
  let submitted = 0;
  const nextComplaint = () => ({ body: complaintBody(benchComplaint(runId, submitted++), boundary) });
  const submitHeaders = {
    "content-type": `multipart/form-data; boundary=${boundary}`,
    "next-action": actionId,
    accept: "text/x-component",
    "accept-language": "id",
    origin: balancerUrl,
  };

  const db = new pg.Client({ connectionString: info.url });
  await db.connect();
  const rows: InstancesRow[] = [];
  const details: Record<string, unknown>[] = [];
  try {
    for (const n of o.counts) {
      const apps: RunningServer[] = [];
      let balancer: ChildProcess | undefined;
      const phase = performance.now();
      try {
        log(`${n} instance(s): starting on :${o.balancerPort + 1}–:${o.balancerPort + n}...`);
        const starts = await Promise.allSettled(
          Array.from({ length: n }, (_, i) =>
            startApp({
              root: o.root,
              port: o.balancerPort + 1 + i,
              databaseUrl: info.url,
              logFile: join(o.tmp, `instance-${i + 1}.log`),
              env: {
                AUTH_SECRET: authSecret,
                PUBLIC_BASE_URL: balancerUrl,
                // Each instance stands for a machine of its own: one server process, as in the cluster suite.
                WEB_CONCURRENCY: "1",
                // HAProxy appends the client's address to X-Forwarded-For.
                TRUSTED_PROXY_HOPS: "1",
                // The limit exists to stop abuse, not load (bench only; see Configuration).
                COMPLAINT_LIMIT_PER_IP: "100000",
              },
            }),
          ),
        );
        for (const s of starts) if (s.status === "fulfilled") apps.push(s.value);
        const failed = starts.find((s) => s.status === "rejected");
        if (failed) throw (failed as PromiseRejectedResult).reason;
        balancer = startHaproxy(
          o.tmp,
          o.balancerPort,
          apps.map((_, i) => ({ name: `app${i + 1}`, port: o.balancerPort + 1 + i })),
        );
        await waitBalanced(
          balancerUrl,
          apps.map((_, i) => `app${i + 1}`),
        );
        const startSeconds = (performance.now() - phase) / 1000;
        log(`  balanced in ${startSeconds.toFixed(0)} s; warming every instance up...`);
        const agentCookie = await signIn(balancerUrl, BENCH_AGENT_EMAIL, BENCH_PASSWORD);
        const queueHeaders = { cookie: agentCookie, "accept-language": "en" };
        // Round robin: every instance fills its caches and pool before anything is timed.
        await load({ url: `${balancerUrl}/complaints/new`, connections: 2, amount: 10 * n });
        await load({
          url: `${balancerUrl}/complaints/new`,
          method: "POST",
          headers: submitHeaders,
          body: nextComplaint,
          connections: 4,
          amount: 20 * n,
          check: isFiledResponse,
        });
        await load({ url: `${balancerUrl}/agent`, headers: queueHeaders, connections: 1, amount: 3 * n });

        const tiers = { apps, balancer, database: o.dbName };
        log(`  measuring complaint submission (${SUBMIT_CONNECTIONS} conn.)...`);
        const acknowledged: number[] = [];
        const submission = await metered(
          () =>
            load({
              url: `${balancerUrl}/complaints/new`,
              method: "POST",
              headers: submitHeaders,
              body: nextComplaint,
              connections: SUBMIT_CONNECTIONS,
              duration: o.seconds,
              check: (body) => {
                const reference = filedReference(body);
                const number = reference === null ? null : parseReference(reference);
                if (number !== null) acknowledged.push(number);
                return number !== null;
              },
            }),
          tiers,
        );
        log(describe("submission", submission));
        // An acknowledged complaint was committed before its answer was sent: each must be there now.
        const found = Number(
          (await db.query<{ n: string }>(`SELECT count(*) AS n FROM "Ticket" WHERE number = ANY($1::int[])`, [acknowledged])).rows[0]!.n,
        );
        const missing = new Set(acknowledged).size - found;
        log(`  ${acknowledged.length} acknowledged, ${missing ? `${missing} NOT IN THE DATABASE` : "every one in the database"}`);

        log(`  measuring the agent queue, signed in (${PAGE_CONNECTIONS} conn.)...`);
        const queue = await metered(
          () => load({ url: `${balancerUrl}/agent`, headers: queueHeaders, connections: PAGE_CONNECTIONS, duration: o.seconds }),
          tiers,
        );
        log(describe("queue", queue));

        rows.push({
          instances: n,
          submission: {
            rate: submission.result.rate,
            p95: submission.result.p95,
            failures: submission.result.failures + submission.result.errors,
            cpu: submission.cpu,
            acknowledged: acknowledged.length,
            missing,
          },
          queue: { rate: queue.result.rate, p95: queue.result.p95, failures: queue.result.failures + queue.result.errors, cpu: queue.cpu },
        });
        details.push({
          instances: n,
          startSeconds: Math.round(startSeconds),
          submission: { ...submission.result, loadAverageBefore: submission.loadAverageBefore },
          queue: { ...queue.result, loadAverageBefore: queue.loadAverageBefore },
        });
      } finally {
        // The balancer first, so no request reaches a stopping instance.
        if (balancer?.pid && balancer.exitCode === null) {
          const gone = new Promise((resolve) => balancer!.once("exit", resolve));
          process.kill(-balancer.pid, "SIGTERM");
          await gone;
        }
        await Promise.all(apps.map((a) => a.stop()));
      }
    }
  } finally {
    await db.end();
    if (!o.keep) await dropDatabase(o.serverUrl, o.dbName);
  }

  const table = instancesTable(rows);
  const finishedAt = new Date();
  const totalSeconds = Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000);
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    haproxy: haproxyVersion,
  };
  log("");
  log(table);
  log("");
  log(
    `Through HAProxy, ${o.seconds} s each; complaint submission ${SUBMIT_CONNECTIONS} connections, the queue ${PAGE_CONNECTIONS}. CPU as top shows it: 100 % is one core, ${machine.cpus * 100} % the whole machine; each cell is submission / queue. PostgreSQL counts the bench database's backends and the server's own processes. Whole run ${Math.round(totalSeconds / 60)} min.`,
  );
  const day = startedAt.toISOString().slice(0, 10);
  const file = join(o.root, "bench", "results", `${day}-instances.json`);
  mkdirSync(join(o.root, "bench", "results"), { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        kind: "instances",
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        totalSeconds,
        scale: QUICK_SCALE,
        database: { name: o.dbName, generatedAt: info.generatedAt, reused: info.reused },
        seconds: o.seconds,
        connections: { submit: SUBMIT_CONNECTIONS, queue: PAGE_CONNECTIONS },
        machine,
        rows,
        details,
        table,
      },
      null,
      2,
    )}\n`,
  );
  log(`Wrote ${file.slice(o.root.length + 1)}${o.keep ? ` (kept ${o.dbName})` : ` (dropped ${o.dbName}; --keep keeps it)`}`);
}
