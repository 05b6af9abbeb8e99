// `REPORT_DB_URL=postgresql://…/<a bench database> npx tsx bench/reports-explain.ts`: EXPLAIN ANALYZE execution time of
// each report that has rollups, read directly and from the rollups, for 30 days and a year, unfiltered
// and filtered by a category, a team and an agent. `REPORTS=time,sla` limits it to those reports.
// `PAGE=1`: instead, each statement the reports page runs (reportSql, every report), with the buffers
// it touched (shared hit + read, 8 kB pages) and the page's sum; `PLAN=1` adds each statement's plan.
// Read-only: it only EXPLAINs SELECTs, so it may run against the bench databases.
import pg from "pg";
import { presetRange } from "../src/domain/reports/date-range";
import type { ReportId } from "../src/domain/reports/table";
import { DIRECT_REPORT_SQL, ROLLUP_REPORT_SQL, reportSql, type ReportFilter, type ReportWindow } from "../src/features/reports/report-sql";

const client = new pg.Client({ connectionString: process.env.REPORT_DB_URL! });
await client.connect();
const now = new Date();
const agent = (await client.query(`SELECT "assigneeId" AS id FROM "Ticket" WHERE "assigneeId" IS NOT NULL LIMIT 1`)).rows[0].id;
const team = (await client.query(`SELECT "teamId" AS id FROM "Ticket" WHERE "teamId" IS NOT NULL LIMIT 1`)).rows[0].id;
const only = process.env.REPORTS?.split(",");
const filters: Record<string, ReportFilter> = {
  none: {},
  category: { category: "PRODUCT_RETURN" },
  team: { teamId: team },
  agent: { agentId: agent },
};

interface Explained {
  ms: number;
  buffers: number;
  plan: string;
}

/** The second of two runs (the first warms the cache), as the page meets it under steady load. */
async function explain(q: { text: string; values: unknown[] }): Promise<Explained> {
  await client.query(`EXPLAIN (ANALYZE) ${q.text}`, q.values);
  const json = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${q.text}`, q.values);
  const [root] = json.rows[0]["QUERY PLAN"] as [{ "Execution Time": number; Plan: Record<string, number> }];
  const plan = process.env.PLAN
    ? (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.values)).rows.map((r) => r["QUERY PLAN"] as string).join("\n")
    : "";
  return { ms: root["Execution Time"], buffers: root.Plan["Shared Hit Blocks"]! + root.Plan["Shared Read Blocks"]!, plan };
}

const PAGE_ORDER: ReportId[] = ["recurrence", "sla", "time", "backlog", "satisfaction", "resolutions", "escalations"];

for (const days of [30, 365] as const) {
  const r = presetRange(days, now);
  const w: ReportWindow = { start: r.start, end: r.end, previousStart: r.previousStart, now };
  for (const [fname, f] of Object.entries(filters)) {
    const line: string[] = [];
    if (process.env.PAGE) {
      let total = 0;
      let slowest = 0;
      for (const id of PAGE_ORDER.filter((r) => !only || only.includes(r))) {
        const e = await explain(reportSql(id, f, w) as never);
        total += e.ms;
        slowest = Math.max(slowest, e.ms);
        line.push(`${id} ${e.ms.toFixed(1)} ms/${e.buffers} buf`);
        if (e.plan) console.log(`--- ${days}d ${fname} ${id}\n${e.plan}`);
      }
      console.log(`${days}d ${fname}: ${line.join("; ")} | sum ${total.toFixed(1)} ms, slowest ${slowest.toFixed(1)} ms`);
      continue;
    }
    for (const id of (Object.keys(ROLLUP_REPORT_SQL) as ReportId[]).filter((r) => !only || only.includes(r))) {
      const ms: string[] = [];
      for (const build of [DIRECT_REPORT_SQL[id], ROLLUP_REPORT_SQL[id]!]) ms.push((await explain(build(f, w) as never)).ms.toFixed(2));
      line.push(`${id} ${ms[0]} → ${ms[1]}`);
    }
    console.log(`${days}d ${fname}: ${line.join("; ")} (ms, direct → rollups)`);
  }
}
await client.end();
