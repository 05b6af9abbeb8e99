// `REPORT_DB_URL=postgresql://…/<a bench database> npx tsx bench/reports-explain.ts`: EXPLAIN ANALYZE execution time of
// each report that has rollups, read directly and from the rollups, for 30 days and a year, unfiltered
// and filtered by a category, a team and an agent. `REPORTS=time,sla` limits it to those reports.
import pg from "pg";
import { presetRange } from "../src/domain/reports/date-range";
import { DIRECT_REPORT_SQL, ROLLUP_REPORT_SQL } from "../src/features/reports/report-sql";
const client = new pg.Client({ connectionString: process.env.REPORT_DB_URL! });
await client.connect();
const now = new Date();
const agent = (await client.query(`SELECT "assigneeId" AS id FROM "Ticket" WHERE "assigneeId" IS NOT NULL LIMIT 1`)).rows[0].id;
const team = (await client.query(`SELECT "teamId" AS id FROM "Ticket" WHERE "teamId" IS NOT NULL LIMIT 1`)).rows[0].id;
const only = process.env.REPORTS?.split(",");
for (const days of [30, 365] as const) {
  const r = presetRange(days, now);
  const w = { start: r.start, end: r.end, previousStart: r.previousStart, now };
  for (const [fname, f] of Object.entries({
    none: {},
    category: { category: "PRODUCT_RETURN" },
    team: { teamId: team },
    agent: { agentId: agent },
  })) {
    const line: string[] = [];
    for (const id of (Object.keys(ROLLUP_REPORT_SQL) as (keyof typeof DIRECT_REPORT_SQL)[]).filter((r) => !only || only.includes(r))) {
      const ms: string[] = [];
      for (const build of [DIRECT_REPORT_SQL[id], ROLLUP_REPORT_SQL[id]!]) {
        const q = build(f, w);
        await client.query(`EXPLAIN (ANALYZE) ${q.text}`, q.values as unknown[]);
        const res = await client.query(`EXPLAIN (ANALYZE) ${q.text}`, q.values as unknown[]);
        ms.push(
          res.rows
            .map((x) => x["QUERY PLAN"] as string)
            .find((l) => l.startsWith("Execution Time"))!
            .replace(/Execution Time: ([\d.]+) ms/, "$1"),
        );
      }
      line.push(`${id} ${ms[0]} → ${ms[1]}`);
    }
    console.log(`${days}d ${fname}: ${line.join("; ")} (ms, direct → rollups)`);
  }
}
await client.end();
