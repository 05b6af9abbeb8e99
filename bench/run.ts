// `npm run bench [-- --quick | --growth] [--fresh] [--keep] [--seconds N]`: generates a helpdesk's history in
// PostgreSQL, serves it with the production build and measures it over HTTP against the ceilings of
// its own stack, measured in the same run on the same machine. `-- --peer osticket` instead measures
// Tanggap beside osTicket (bench/peer.ts); `-- --instances 1,2,3` measures throughput against the number
// of instances behind HAProxy (bench/instances.ts). See README.md, "Benchmark".
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { benchComplaint, complaintBody, findActionId, isFiledResponse } from "./lib/complaint-request";
import { dropDatabase, prepareBenchDatabase } from "./lib/database";
import { BENCH_AGENT_EMAIL, BENCH_PASSWORD, BENCH_SUPERVISOR_EMAIL } from "./lib/generate";
import { load, signIn, type LoadResult } from "./lib/http";
import { FULL_SCALE, GROWTH_SCALE, QUICK_SCALE } from "./lib/mix";
import { parseInstances } from "./lib/instances-report";
import { parseLevels } from "./lib/peer-report";
import { pgComplaintCeiling } from "./lib/pg-ceiling";
import { buildIsStale, ensureAppBuild, nextBuild, startApp, startCeiling } from "./lib/servers";
import { runInstances } from "./instances";
import { runPeer } from "./peer";
import { formatBytes, formatMs, formatRate, formatShare, formatTimes, ratio, renderTable, verdict } from "./lib/stats";

const ROOT = process.cwd();
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const quick = flag("--quick");
// --growth: 100k tickets, kept like the full scale's database, for the README's growth table.
const growth = !quick && flag("--growth");
const scale = quick ? QUICK_SCALE : growth ? GROWTH_SCALE : FULL_SCALE;
const kind = quick ? "quick" : growth ? "100k" : "full";
// BENCH_DB_NAME lets runs side by side on one server keep apart (each its own database).
const dbName = process.env.BENCH_DB_NAME || `tanggap_bench_${kind}`;
// --submission-only measures the ceilings and complaint submission and skips the staff pages and sweep.
const submissionOnly = flag("--submission-only");
// --pages board,search measures only the staff pages whose names contain one of these words.
const pageFilter = option("--pages")?.split(",").filter(Boolean);
const seconds = Number(option("--seconds") ?? (quick ? 5 : 12));
const appPort = Number(process.env.BENCH_PORT ?? 3204);
const ceilingPort = Number(process.env.BENCH_CEILING_PORT ?? 3214);
const SUBMIT_CONNECTIONS = 16;
const PAGE_CONNECTIONS = 4;
const PG_CLIENTS = 8;
const TMP = join(ROOT, "bench", "tmp");
mkdirSync(TMP, { recursive: true });

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error(
    "Set DATABASE_URL to a PostgreSQL server (e.g. postgresql://postgres@127.0.0.1:5432/postgres); the bench creates its own database there.",
  );
  process.exit(1);
}

const log = (line: string) => console.log(line);
const runId = randomBytes(4).toString("hex");

interface Row {
  name: string;
  rate?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  ceiling?: string;
  /** value ÷ ceiling: a share of throughput, or a multiple of latency. */
  ratio?: number | null;
  ratioKind?: "share" | "times";
  target?: string;
  verdict?: string;
  note?: string;
  failures?: number;
}

const rows: Row[] = [];
const results: Record<string, unknown> = {};

// Each figure is logged as soon as it is measured, so a run that dies late (the 1M run of
// 2026-11-30 did, in the sweep) still shows what it had measured.
function record(row: Row) {
  rows.push(row);
  const figures = [row.rate === undefined ? "" : formatRate(row.rate), row.p95 === undefined ? "" : `p95 ${formatMs(row.p95)}`, row.note];
  log(`  = ${row.name}: ${figures.filter(Boolean).join(", ")}`);
}

function failed(name: string, error: unknown) {
  log(`  ! ${name} could not be measured: ${error instanceof Error ? error.message : String(error)}`);
  record({ name, note: "could not be measured", failures: 1 });
}

function check(name: string, r: LoadResult) {
  if (r.failures > 0 || r.errors > 0)
    log(`  ! ${name}: ${r.failures} failed responses, ${r.errors} errors${r.sampleFailure ? ` — e.g. ${r.sampleFailure}` : ""}`);
}

async function main() {
  const startedAt = new Date();
  log(`Tanggap bench (${kind}): ${scale.tickets.toLocaleString("en")} tickets, ${seconds} s per measurement.`);
  const info = await prepareBenchDatabase(serverUrl!, dbName, scale, flag("--fresh"), log);

  if (!flag("--skip-build")) await ensureAppBuild(ROOT, join(TMP, "build.log"), log);
  const ceilingDir = join(ROOT, "bench", "ceiling");
  if (buildIsStale(ceilingDir, ["app", "next.config.mjs"])) {
    log("Building the ceiling app...");
    await nextBuild(ceilingDir, join(TMP, "ceiling-build.log"));
  }
  const manifest = JSON.parse(readFileSync(join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8"));
  const actionId = findActionId(manifest, "src/features/complaints/actions.ts", "submitComplaint");

  const boundary = `----TanggapBench${runId}`;
  let submitted = 0;
  const nextComplaint = () => ({ body: complaintBody(benchComplaint(runId, submitted++), boundary) });
  const multipart = { "content-type": `multipart/form-data; boundary=${boundary}` };

  // 1. The ceilings: a no-op Next.js route handler, then PostgreSQL alone.
  const before = loadavg();
  log(`Ceiling: bare Next.js route handler on :${ceilingPort}...`);
  const ceiling = await startCeiling({ dir: ceilingDir, port: ceilingPort, logFile: join(TMP, "ceiling.log") });
  let barePost: LoadResult;
  let bareGet: LoadResult;
  try {
    await load({ url: `${ceiling.baseUrl}/noop`, connections: PAGE_CONNECTIONS, duration: 2 });
    barePost = await load({
      url: `${ceiling.baseUrl}/noop`,
      method: "POST",
      headers: multipart,
      body: nextComplaint,
      connections: SUBMIT_CONNECTIONS,
      duration: seconds,
    });
    bareGet = await load({ url: `${ceiling.baseUrl}/noop`, connections: PAGE_CONNECTIONS, duration: seconds });
  } finally {
    await ceiling.stop();
  }
  check("bare route", barePost);
  record({
    name: `bare route handler, POST (${SUBMIT_CONNECTIONS} conn.) [ceiling]`,
    rate: barePost.rate,
    p50: barePost.p50,
    p95: barePost.p95,
    p99: barePost.p99,
  });
  record({
    name: `bare route handler, GET (${PAGE_CONNECTIONS} conn.) [ceiling]`,
    rate: bareGet.rate,
    p50: bareGet.p50,
    p95: bareGet.p95,
    p99: bareGet.p99,
  });
  results.bareRoutePost = barePost;
  results.bareRouteGet = bareGet;

  log(`Ceiling: PostgreSQL alone, a complaint's writes, ${PG_CLIENTS} clients...`);
  const pgCeiling = await pgComplaintCeiling(info.url, PG_CLIENTS, seconds, runId);
  record({
    name: `PostgreSQL alone, complaint writes (${PG_CLIENTS} clients) [ceiling]`,
    rate: pgCeiling.rate,
    p50: pgCeiling.p50,
    p95: pgCeiling.p95,
    p99: pgCeiling.p99,
  });
  results.postgresComplaintWrites = pgCeiling;

  // 2. The app, as `npm start` runs it.
  log(`Starting the production server on :${appPort}...`);
  const app = await startApp({
    root: ROOT,
    port: appPort,
    databaseUrl: info.url,
    logFile: join(TMP, "app.log"),
    env: {
      AUTH_SECRET: randomBytes(33).toString("base64"),
      COMPLAINT_LIMIT_PER_IP: "100000",
      PUBLIC_BASE_URL: `http://127.0.0.1:${appPort}`,
    },
  });
  const db = new pg.Client({ connectionString: info.url });
  await db.connect();
  try {
    const count = async () => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM "Ticket"`)).rows[0]!.n);
    const submitHeaders = {
      ...multipart,
      "next-action": actionId,
      accept: "text/x-component",
      "accept-language": "id",
      origin: app.baseUrl,
    };
    // Warm-up: the first requests compile nothing in production but fill caches and pools.
    await load({ url: `${app.baseUrl}/complaints/new`, connections: 2, amount: 20 });
    await load({
      url: `${app.baseUrl}/complaints/new`,
      method: "POST",
      headers: submitHeaders,
      body: nextComplaint,
      connections: 4,
      amount: 40,
      check: isFiledResponse,
    });

    log("Measuring complaint submission (the form's server action)...");
    const ticketsBefore = await count();
    const submit = await load({
      url: `${app.baseUrl}/complaints/new`,
      method: "POST",
      headers: submitHeaders,
      body: nextComplaint,
      connections: SUBMIT_CONNECTIONS,
      duration: seconds,
      check: isFiledResponse,
    });
    const created = (await count()) - ticketsBefore;
    check("submission", submit);
    const succeeded = submit.count - submit.failures;
    // Requests in flight when the run ends still file their ticket, so more tickets than answers is
    // expected; fewer would mean a success that stored nothing.
    if (created < succeeded) log(`  ! ${succeeded} successful responses but only ${created} tickets created`);
    const share = ratio(submit.rate, barePost.rate);
    record({
      name: `complaint submission (${SUBMIT_CONNECTIONS} conn.)`,
      rate: submit.rate,
      p50: submit.p50,
      p95: submit.p95,
      p99: submit.p99,
      ceiling: "bare POST",
      ratio: share,
      ratioKind: "share",
      target: "≥ 50 % of bare",
      verdict: verdict(share, { min: 0.5 }),
      note: `${created} tickets created; ${formatShare(ratio(submit.rate, pgCeiling.rate))} of PostgreSQL alone`,
      failures: submit.failures + submit.errors,
    });
    results.submission = {
      ...submit,
      ticketsCreated: created,
      shareOfBareRoute: share,
      shareOfPostgres: ratio(submit.rate, pgCeiling.rate),
    };

    const agentCookie = await signIn(app.baseUrl, BENCH_AGENT_EMAIL, BENCH_PASSWORD);
    const supervisorCookie = await signIn(app.baseUrl, BENCH_SUPERVISOR_EMAIL, BENCH_PASSWORD);
    const rare =
      (
        await db.query<{ o: string }>(
          `SELECT "orderNumber" AS o FROM "Ticket" WHERE stage <> 'CLOSED' AND "orderNumber" LIKE 'ORD-0%' ORDER BY number LIMIT 1`,
        )
      ).rows[0]?.o ?? "ORD-0000001";
    // A customer calling about a closed complaint, as the staff search is used: their phone number read
    // out with other punctuation than stored, their address, their name, the order number they typed.
    const caller = (
      await db.query<{ phone: string; email: string; name: string; o: string | null }>(
        `SELECT c.phone, c.email, c.name, t."orderNumber" AS o FROM "Ticket" t JOIN "Customer" c ON c.id = t."customerId"
         WHERE t.stage = 'CLOSED' AND c.phone IS NOT NULL AND t."orderNumber" IS NOT NULL ORDER BY t.number LIMIT 1`,
      )
    ).rows[0];
    // The given name most customers share: the hardest name a caller can give.
    const commonName =
      (await db.query<{ n: string }>(`SELECT split_part(name, ' ', 1) AS n FROM "Customer" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`))
        .rows[0]?.n ?? "Siti";
    const search = (q: string, scope = "all") => `/agent/search?${new URLSearchParams({ q, scope }).toString()}`;
    const allPages: { name: string; path: string; cookie: string; target: number }[] = [
      { name: "queue: default view", path: "/agent", cookie: agentCookie, target: 150 },
      { name: "queue: assigned to me", path: "/agent?assignee=me", cookie: agentCookie, target: 150 },
      { name: "queue: unassigned", path: "/agent?assignee=unassigned", cookie: agentCookie, target: 150 },
      { name: "queue: stage UNDERSTAND", path: "/agent?stage=UNDERSTAND", cookie: agentCookie, target: 150 },
      { name: "queue: category PAYMENT_PROBLEM", path: "/agent?category=PAYMENT_PROBLEM", cookie: agentCookie, target: 150 },
      { name: "queue: priority URGENT", path: "/agent?priority=URGENT", cookie: agentCookie, target: 150 },
      { name: "queue: at risk", path: "/agent?atRisk=1", cookie: agentCookie, target: 150 },
      { name: "queue: overdue", path: "/agent?overdue=1", cookie: agentCookie, target: 150 },
      { name: "queue: waiting on customer", path: "/agent?waiting=1", cookie: agentCookie, target: 150 },
      { name: "queue: search, common word", path: "/agent?q=blender", cookie: agentCookie, target: 150 },
      { name: `queue: search, order number`, path: `/agent?q=${encodeURIComponent(rare)}`, cookie: agentCookie, target: 150 },
      ...(caller
        ? [
            {
              name: "search: phone, all tickets",
              path: search(caller.phone.replace(/^\+62 /, "0").replace(/ /g, "-")),
              cookie: agentCookie,
              target: 150,
            },
            { name: "search: email, all tickets", path: search(caller.email.toUpperCase()), cookie: agentCookie, target: 150 },
            { name: "search: customer name, all tickets", path: search(caller.name), cookie: agentCookie, target: 150 },
            { name: "search: order number, closed", path: search(caller.o ?? "ORD-0000001", "closed"), cookie: agentCookie, target: 150 },
          ]
        : []),
      { name: "search: common word, all tickets", path: search("blender"), cookie: agentCookie, target: 150 },
      { name: "search: common word, closed", path: search("blender", "closed"), cookie: agentCookie, target: 150 },
      { name: "search: most common given name, all tickets", path: search(commonName), cookie: agentCookie, target: 150 },
      { name: "search: two words, open", path: search("dana dikembalikan", "open"), cookie: agentCookie, target: 150 },
      { name: "supervisor board", path: "/supervisor", cookie: supervisorCookie, target: 150 },
      { name: "reports, 30 days", path: "/supervisor/reports?days=30", cookie: supervisorCookie, target: 500 },
      { name: "reports, one year", path: "/supervisor/reports?days=365", cookie: supervisorCookie, target: 500 },
    ];
    const pages = submissionOnly ? [] : allPages.filter((p) => !pageFilter || pageFilter.some((word) => p.name.includes(word)));
    const pageResults: Record<string, LoadResult> = {};
    results.pages = pageResults;
    for (const page of pages) {
      log(`Measuring ${page.name}...`);
      const headers = { cookie: page.cookie, "accept-language": "en" };
      let r: LoadResult;
      try {
        await load({ url: `${app.baseUrl}${page.path}`, headers, connections: 1, amount: 3 });
        r = await load({ url: `${app.baseUrl}${page.path}`, headers, connections: PAGE_CONNECTIONS, duration: seconds });
      } catch (error) {
        // One page that cannot be measured must not cost the run the figures of the others.
        failed(page.name, error);
        continue;
      }
      check(page.name, r);
      pageResults[page.name] = r;
      const times = ratio(r.p95, bareGet.p95);
      record({
        name: `${page.name} (${PAGE_CONNECTIONS} conn.)`,
        rate: r.rate,
        p50: r.p50,
        p95: r.p95,
        p99: r.p99,
        ceiling: "bare GET p95",
        ratio: times,
        ratioKind: "times",
        target: `p95 < ${page.target} ms`,
        verdict: verdict(r.p95, { max: page.target }),
        failures: r.failures + r.errors,
      });
    }
  } finally {
    await db.end();
    await app.stop();
  }

  // 3. The SLA monitor's sweep, called directly (src/features/sla/monitor.ts).
  if (!submissionOnly && !pageFilter) {
    log("Timing the SLA monitor's sweep...");
    try {
      const sweepOut = execFileSync(
        process.execPath,
        ["--import", "tsx", "--import", "./bench/lib/server-only-register.mjs", "bench/sweep.ts", "7"],
        {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: info.url },
          encoding: "utf8",
        },
      );
      const sweep = JSON.parse(sweepOut.trim().split("\n").pop()!) as {
        firstMs: number;
        first: { atRisk: number; breached: number };
        steady: number[];
        openTimers: number;
      };
      const steady = [...sweep.steady].sort((a, b) => a - b);
      const sweepMedian = steady[Math.floor(steady.length / 2)]!;
      record({
        name: `SLA monitor sweep, steady state (${sweep.openTimers.toLocaleString("en")} open clocks)`,
        p50: sweepMedian,
        p95: steady[steady.length - 1],
        target: "< 200 ms",
        verdict: verdict(sweepMedian, { max: 200 }),
        note: `first sweep ${formatMs(sweep.firstMs)}, recorded ${sweep.first.atRisk} at-risk, ${sweep.first.breached} breaches`,
      });
      results.sweep = { ...sweep, medianMs: sweepMedian };
    } catch (error) {
      failed("SLA monitor sweep", error);
    }
  }

  // 4. Size on disk per ticket.
  const sizeDb = new pg.Client({ connectionString: info.url });
  await sizeDb.connect();
  const size = (
    await sizeDb.query<{ bytes: string; tickets: string; version: string }>(
      `SELECT (SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r') AS bytes,
        (SELECT count(*) FROM "Ticket") AS tickets, current_setting('server_version') AS version`,
    )
  ).rows[0]!;
  await sizeDb.end();
  const perTicket = Number(size.bytes) / Number(size.tickets);
  record({
    name: `database size per ticket (${formatBytes(Number(size.bytes))} / ${Number(size.tickets).toLocaleString("en")})`,
    note: formatBytes(perTicket),
  });
  results.size = { bytes: Number(size.bytes), tickets: Number(size.tickets), bytesPerTicket: perTicket };

  const after = loadavg();
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: size.version,
    loadAverageBefore: before.map((l) => Number(l.toFixed(2))),
    loadAverageAfter: after.map((l) => Number(l.toFixed(2))),
  };

  const table = renderTable(
    ["measure", "rate", "p50", "p95", "p99", "vs ceiling", "target", "", "note"],
    rows.map((r) => [
      r.name,
      formatRate(r.rate),
      formatMs(r.p50),
      formatMs(r.p95),
      formatMs(r.p99),
      r.ratio === undefined
        ? ""
        : r.ratioKind === "share"
          ? `${formatShare(r.ratio)} of ${r.ceiling}`
          : `${formatTimes(r.ratio)} ${r.ceiling}`,
      r.target ?? "",
      r.verdict ?? "",
      [r.note, r.failures ? `${r.failures} FAILED` : ""].filter(Boolean).join("; "),
    ]),
  );
  log("");
  log(table);
  log("");
  log(
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, PostgreSQL ${machine.postgres}; load average ${machine.loadAverageBefore.join(" ")} before, ${machine.loadAverageAfter.join(" ")} after.`,
  );

  const day = startedAt.toISOString().slice(0, 10);
  const file = join(
    ROOT,
    "bench",
    "results",
    `${day}${kind === "full" ? "" : `-${kind}`}${submissionOnly ? "-submission" : ""}${pageFilter ? "-pages" : ""}.json`,
  );
  mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify({ kind, startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), scale, database: { name: dbName, generatedAt: info.generatedAt, reused: info.reused }, seconds, connections: { submit: SUBMIT_CONNECTIONS, pages: PAGE_CONNECTIONS, postgres: PG_CLIENTS }, machine, rows, results, table }, null, 2)}\n`,
  );
  log(`Wrote ${file.slice(ROOT.length + 1)}`);

  if (quick && !flag("--keep")) {
    await dropDatabase(serverUrl!, dbName);
    log(`Dropped ${dbName} (--keep keeps it).`);
  }
}

const peer = option("--peer");
const instances = option("--instances");
(peer
  ? runPeer({
      peer,
      root: ROOT,
      serverUrl,
      appPort,
      seconds: Number(option("--seconds") ?? 15),
      levels: parseLevels(option("--levels") ?? "1000,10000"),
      keep: flag("--keep"),
      skipBuild: flag("--skip-build"),
      peerDir: process.env.OSTICKET_PEER_DIR ?? join(ROOT, "..", "shared", "peers", "osticket"),
      tmp: TMP,
      log,
    })
  : instances
    ? runInstances({
        counts: parseInstances(instances),
        root: ROOT,
        serverUrl,
        dbName: process.env.BENCH_DB_NAME || "tanggap_bench_instances",
        balancerPort: Number(process.env.BENCH_BALANCER_PORT ?? 3270),
        seconds: Number(option("--seconds") ?? 15),
        keep: flag("--keep"),
        fresh: flag("--fresh"),
        skipBuild: flag("--skip-build"),
        tmp: TMP,
        log,
      })
    : main()
).catch((error) => {
  console.error(error);
  process.exit(1);
});
