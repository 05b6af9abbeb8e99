// `npm run bench -- --peer osticket [--levels 1000,10000] [--seconds N] [--keep]`: Tanggap and osTicket
// v1.18.1 side by side in the same run, on the same machine, with the same load tool (autocannon) and
// shape: both brought to the same number of open tickets, then each one's staff queue page signed in
// (4 connections) and ticket creation through each one's API (8 connections). Prints Tanggap ÷ osTicket
// for throughput and p95 and writes bench/results/<date>-peer.json. See README.md, "Benchmark".
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { lookupHash } from "../src/server/crypto/seal";
import { benchComplaint } from "./lib/complaint-request";
import { dropDatabase, prepareBenchDatabase } from "./lib/database";
import { BENCH_AGENT_EMAIL, BENCH_PASSWORD, BENCH_SUPERVISOR_EMAIL } from "./lib/generate";
import { load, signIn, type LoadResult } from "./lib/http";
import { peerScale } from "./lib/mix";
import { isStaffPanel, osticketTicket, startOsticket, type Osticket } from "./lib/peer-osticket";
import { peerRatios, peerTable, topUpCount, type PeerFigure, type PeerMeasure } from "./lib/peer-report";
import { ensureAppBuild, startApp, type RunningServer } from "./lib/servers";
import type { BenchScale } from "./lib/mix";

export const PEER_DB = "tanggap_peer_bench";
const CREATE_CONNECTIONS = 8;
const PAGE_CONNECTIONS = 4;
/** osTicket's API makes the tickets it copies past this many (see topUp). */
const OSTICKET_API_TICKETS = 1000;
/** A page slower than the run lets answer is measured by one round of responses instead, each allowed this long. */
const SLOW_PAGE_TIMEOUT_SECONDS = 600;

export interface PeerOptions {
  peer: string;
  root: string;
  serverUrl: string;
  appPort: number;
  seconds: number;
  levels: number[];
  keep: boolean;
  skipBuild: boolean;
  peerDir: string;
  tmp: string;
  log: (line: string) => void;
}

const loadAverage = () => loadavg().map((l) => Number(l.toFixed(2)));

/** One side of the comparison: how to count its open tickets and create one through its API. */
interface System {
  name: string;
  open(): Promise<number>;
  tickets(): Promise<number>;
  create(connections: number, run: { amount?: number; duration?: number }): Promise<LoadResult>;
  queue(run: { amount?: number; duration?: number; connections?: number }): Promise<LoadResult>;
  /** Adds open tickets in bulk without its API, where it has a way to. */
  copy?(count: number): Promise<void>;
}

function tanggapSystem(app: RunningServer, db: pg.Client, token: string, agentCookie: string, runId: string): System {
  let n = 0;
  return {
    name: "Tanggap",
    open: async () => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM "Ticket" WHERE stage <> 'CLOSED'`)).rows[0]!.n),
    tickets: async () => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM "Ticket"`)).rows[0]!.n),
    create: (connections, run) =>
      load({
        url: `${app.baseUrl}/api/v1/tickets`,
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: () => ({ body: JSON.stringify({ ...benchComplaint(runId, n++), locale: "id" }) }),
        connections,
        expectStatus: 201,
        check: (body) => body.includes('"reference":"TGP-'),
        ...run,
      }),
    queue: (run) =>
      load({
        url: `${app.baseUrl}/agent`,
        headers: { cookie: agentCookie, "accept-language": "en" },
        connections: PAGE_CONNECTIONS,
        timeout: SLOW_PAGE_TIMEOUT_SECONDS,
        ...run,
      }),
  };
}

function osticketSystem(ost: Osticket, session: { cookie: string }, runId: string): System {
  let n = 0;
  return {
    name: "osTicket",
    open: () => ost.openTickets(),
    copy: (count) => ost.copyOpenTickets(count),
    tickets: () => ost.tickets(),
    create: (connections, run) =>
      load({
        url: `${ost.url}/api/tickets.json`,
        method: "POST",
        headers: { "x-api-key": ost.apiKey, "content-type": "application/json" },
        body: () => ({ body: osticketTicket(benchComplaint(runId, n++)) }),
        connections,
        expectStatus: 201,
        ...run,
      }),
    queue: (run) =>
      load({
        url: `${ost.url}/scp/index.php`,
        headers: { cookie: session.cookie },
        connections: PAGE_CONNECTIONS,
        check: isStaffPanel,
        timeout: SLOW_PAGE_TIMEOUT_SECONDS,
        ...run,
      }),
  };
}

/**
 * Creates tickets through the system's own API until it has `target` open ones, or, once it has
 * `apiUpTo` open ones, copies them in bulk where the system has a way to.
 */
async function topUp(system: System, target: number, log: (line: string) => void, apiUpTo = Infinity): Promise<number> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const open = await system.open();
    const missing = topUpCount(target, open);
    if (missing === 0) return open;
    if (open >= apiUpTo && system.copy) {
      log(`  ${system.name}: ${open.toLocaleString("en")} open; copying ${missing.toLocaleString("en")} of its open tickets in SQL...`);
      await system.copy(missing);
      continue;
    }
    const amount = Math.min(missing, apiUpTo - open);
    log(`  ${system.name}: ${open.toLocaleString("en")} open; creating ${amount.toLocaleString("en")} through its API...`);
    const started = performance.now();
    // autocannon refuses fewer requests than connections.
    const r = await system.create(Math.min(CREATE_CONNECTIONS, amount), { amount });
    log(
      `    ${(r.count - r.failures).toLocaleString("en")} created in ${((performance.now() - started) / 1000).toFixed(0)} s${r.failures ? `, ${r.failures} failed (${r.sampleFailure})` : ""}`,
    );
  }
  const open = await system.open();
  if (open < target) throw new Error(`${system.name} reached only ${open} open tickets of ${target}`);
  return open;
}

/** What the results file keeps of one system's measurement, beside the ratios. */
function measuredDetail(m: Awaited<ReturnType<typeof measure>>) {
  return {
    ...m.result,
    timedByCount: m.byCount,
    probeMs: m.probeMs,
    unanswered: m.unanswered,
    created: m.created,
    loadAverageAfter: m.loadAfter,
  };
}

function figure(r: LoadResult, load: number[], byCount: boolean): PeerFigure {
  return { rate: r.rate, p95: r.p95, failures: r.failures + r.errors, loadAverage: load, ...(byCount && { responsesTimed: r.count }) };
}

async function measure(system: System, what: "queue" | "create", seconds: number) {
  let byCount = false;
  let probeMs: number | undefined;
  if (what === "queue") {
    // Warm-up, and a probe: a page whose single answer takes more than a quarter of the window would
    // give a handful of responses in it, and leave requests running on the server after it. Such a
    // page is timed over one round of responses (one per connection) instead, however long they take.
    const probe = await system.queue({ amount: 1, connections: 1 });
    probeMs = probe.p50;
    byCount = probe.p50 > (seconds * 1000) / 4;
  }
  const before = loadAverage();
  const ticketsBefore = what === "create" ? await system.tickets() : 0;
  const r =
    what === "create"
      ? await system.create(CREATE_CONNECTIONS, { duration: seconds })
      : await system.queue(byCount ? { amount: PAGE_CONNECTIONS } : { duration: seconds });
  let created: number | undefined;
  if (what === "create") {
    // Requests in flight when the run stopped still finish on the server.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    created = (await system.tickets()) - ticketsBefore;
  }
  // A round's request that never completed is a failure (nginx ended osTicket's 10k queue at its 120 s
  // fastcgi timeout and autocannon reported neither a response nor an error).
  const unanswered = byCount ? Math.max(0, PAGE_CONNECTIONS - r.count) : 0;
  const f = figure(r, before, byCount);
  return {
    result: r,
    figure: { ...f, failures: f.failures + unanswered },
    created,
    byCount,
    probeMs,
    unanswered,
    loadAfter: loadAverage(),
  };
}

/** Tanggap's production server over a fresh database with `scale`'s history, an API token and a signed-in agent. */
async function startTanggap(o: PeerOptions, scale: BenchScale, runId: string): Promise<System & { close(): Promise<void> }> {
  // Always fresh: a database left by an earlier level or run has more open tickets than this level.
  const info = await prepareBenchDatabase(o.serverUrl, PEER_DB, scale, true, o.log);
  o.log(`Starting Tanggap's production server on :${o.appPort}...`);
  const app = await startApp({
    root: o.root,
    port: o.appPort,
    databaseUrl: info.url,
    logFile: join(o.tmp, "app.log"),
    env: {
      AUTH_SECRET: randomBytes(33).toString("base64"),
      // Both limits exist to stop abuse, not load: osTicket has neither, so they are raised here (bench only).
      API_RATE_LIMIT_PER_MINUTE: "1000000",
      COMPLAINT_LIMIT_PER_IP: "100000",
      PUBLIC_BASE_URL: `http://127.0.0.1:${o.appPort}`,
    },
  });
  const db = new pg.Client({ connectionString: info.url });
  try {
    await db.connect();
    // An API token as an admin would make one at /admin/api-tokens: only its hash is stored.
    const token = `tgp_${randomBytes(32).toString("base64url")}`;
    await db.query(
      `INSERT INTO "ApiToken" (id, name, "tokenHash", scopes, "createdById") SELECT gen_random_uuid(), 'peer bench', $1, ARRAY['tickets:write'], id FROM "User" WHERE email = $2`,
      [lookupHash(token), BENCH_SUPERVISOR_EMAIL],
    );
    const agentCookie = await signIn(app.baseUrl, BENCH_AGENT_EMAIL, BENCH_PASSWORD);
    const system = tanggapSystem(app, db, token, agentCookie, runId);
    return {
      ...system,
      close: async () => {
        await db.end();
        await app.stop();
      },
    };
  } catch (error) {
    await db.end().catch(() => undefined);
    await app.stop();
    throw error;
  }
}

export async function runPeer(o: PeerOptions): Promise<void> {
  const { log } = o;
  if (o.peer !== "osticket") throw new Error(`Unknown peer "${o.peer}": the bench knows osticket.`);
  const startedAt = new Date();
  const runId = randomBytes(4).toString("hex");
  log(
    `Peer bench: Tanggap beside osTicket v1.18.1 at ${o.levels.map((l) => l.toLocaleString("en")).join(" and ")} open tickets, ${o.seconds} s per measurement.`,
  );
  log(`Installing osTicket from scratch (${join(o.peerDir, "setup.sh")}; log in bench/tmp/osticket.log)...`);
  let phase = performance.now();
  const ost = await startOsticket(o.peerDir, join(o.tmp, "osticket.log"));
  const setupSeconds = (performance.now() - phase) / 1000;
  log(`  osTicket at ${ost.url} in ${setupSeconds.toFixed(0)} s.`);

  let tanggap: (System & { close(): Promise<void> }) | undefined;
  const measures: PeerMeasure[] = [];
  const details: Record<string, unknown>[] = [];
  const phases: Record<string, number> = { osticketSetupSeconds: Math.round(setupSeconds) };
  try {
    if (!o.skipBuild) await ensureAppBuild(o.root, join(o.tmp, "build.log"), log);
    const session = { cookie: "" };
    const osticket = osticketSystem(ost, session, runId);

    for (const level of o.levels) {
      log(`Bringing both to ${level.toLocaleString("en")} open tickets...`);
      phase = performance.now();
      await tanggap?.close();
      // Tanggap: a generated history with about 95 % of the level open, in a fresh database (the
      // generator takes seconds where the API would take many minutes), topped up through its API.
      // osTicket: through its API from where it stands, meanwhile.
      const [openO, openT] = await Promise.all([
        // Past its first 1,000 (made by its API), osTicket copies them in SQL: on a shared 2-core machine
        // its API took 3-5 minutes for 1,000 tickets, so 9,000 more would take most of an hour.
        topUp(osticket, level, log, OSTICKET_API_TICKETS),
        startTanggap(o, peerScale(level), runId).then((t) => {
          tanggap = t;
          return topUp(t, level, log);
        }),
      ]);
      // Signed in again at each level: osTicket ends a staff session idle for 30 minutes.
      session.cookie = await ost.signIn();
      phases[`prepare${level}Seconds`] = Math.round((performance.now() - phase) / 1000);
      log(`  open: Tanggap ${openT.toLocaleString("en")}, osTicket ${openO.toLocaleString("en")}`);
      const levelDetail: Record<string, unknown> = { level, open: { tanggap: openT, osticket: openO }, tanggapHistory: peerScale(level) };

      // The queue first, while both hold exactly the level; creating tickets then adds to both.
      for (const [what, label] of [
        ["queue", `staff queue page, signed in (${PAGE_CONNECTIONS} conn.)`],
        ["create", `ticket creation via API (${CREATE_CONNECTIONS} conn.)`],
      ] as const) {
        const pair: Record<string, Awaited<ReturnType<typeof measure>>> = {};
        for (const system of [tanggap!, osticket]) {
          log(`Measuring ${system.name}: ${label} at ${level.toLocaleString("en")} open...`);
          pair[system.name] = await measure(system, what, o.seconds);
          const m = pair[system.name]!;
          log(
            `  ${m.result.rate.toFixed(1)}/s, p95 ${m.result.p95.toFixed(0)} ms${m.probeMs !== undefined ? ` (one request alone: ${m.probeMs.toFixed(0)} ms)` : ""}${m.byCount ? ` (one round of ${PAGE_CONNECTIONS} responses timed: too slow for a ${o.seconds} s window${m.unanswered ? `; ${m.unanswered} never answered` : ""})` : ""}${m.created !== undefined ? `, ${m.created} tickets created` : ""}; load average ${m.figure.loadAverage.join(" ")}${m.result.failures + m.result.errors ? `; ${m.result.failures} failed, ${m.result.errors} errors (${m.result.sampleFailure})` : ""}`,
          );
        }
        const row: PeerMeasure = {
          open: level,
          measure: label,
          tanggap: pair.Tanggap!.figure,
          peer: pair.osTicket!.figure,
        };
        measures.push(row);
        levelDetail[what] = {
          ratios: peerRatios(row.tanggap, row.peer),
          tanggap: measuredDetail(pair.Tanggap!),
          osticket: measuredDetail(pair.osTicket!),
        };
      }
      details.push(levelDetail);
    }
  } finally {
    await tanggap?.close();
    log("Stopping osTicket's nginx and php-fpm (stop.sh)...");
    await ost.stop().catch((error: unknown) => log(`  ! ${error instanceof Error ? error.message : String(error)}`));
    if (!o.keep) await dropDatabase(o.serverUrl, PEER_DB);
  }

  const table = peerTable("osTicket", measures);
  const finishedAt = new Date();
  const totalSeconds = Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000);
  log("");
  log(table);
  log("");
  log(
    `T÷O: Tanggap ÷ osTicket (rate above 1×, p95 below 1× favour Tanggap). Load average: 1, 5, 15 min when each measurement started, on ${cpus().length} cores. Whole run ${Math.round(totalSeconds / 60)} min.`,
  );
  const day = startedAt.toISOString().slice(0, 10);
  const file = join(o.root, "bench", "results", `${day}-peer.json`);
  mkdirSync(join(o.root, "bench", "results"), { recursive: true });
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        kind: "peer",
        peer: "osTicket v1.18.1",
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        totalSeconds,
        phases,
        seconds: o.seconds,
        connections: { create: CREATE_CONNECTIONS, pages: PAGE_CONNECTIONS },
        machine,
        rows: measures,
        levels: details,
        table,
      },
      null,
      2,
    )}\n`,
  );
  log(`Wrote ${file.slice(o.root.length + 1)}${o.keep ? ` (kept ${PEER_DB})` : ` (dropped ${PEER_DB}; --keep keeps it)`}`);
}
