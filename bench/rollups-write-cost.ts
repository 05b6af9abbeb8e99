// `REPORT_DB_URL=postgresql://…/<a bench database> npx tsx bench/rollups-write-cost.ts`:
// Write cost of the report rollups' triggers: ticket lifecycles per second (file with its first clock,
// five stage changes each fulfilling a clock and starting the next, closing with a root cause,
// preventive action; a version claim before each change), triggers enabled vs disabled, alternated.
// It adds tickets to the database and toggles its triggers: a scratch bench database only.
import pg from "pg";

const url = process.env.REPORT_DB_URL!;
const CLIENTS = 4;
const SECONDS = Number(process.env.SECONDS ?? 12);
const STAGES = ["NEW", "LISTEN", "UNDERSTAND", "RESOLVE", "APOLOGISE"];
const TRIGGERS = [
  ['"Ticket"', "report_daily_ticket_insert"],
  ['"Ticket"', "report_daily_ticket_update"],
  ['"SlaTimer"', "report_daily_timer_insert"],
  ['"SlaTimer"', "report_daily_timer_update"],
];

async function lifecycle(c: pg.Client, template: string) {
  await c.query("BEGIN");
  const { rows } = await c.query(
    `INSERT INTO "Ticket" SELECT (jsonb_populate_record(NULL::"Ticket", to_jsonb(t) || jsonb_build_object(
       'id', gen_random_uuid(), 'number', nextval(pg_get_serial_sequence('"Ticket"', 'number')), 'trackingTokenHash', md5(random()::text),
       'stage', 'NEW', 'createdAt', now(), 'updatedAt', now(), 'closedAt', NULL, 'rootCause', NULL, 'preventiveAction', NULL,
       'rating', NULL, 'ratedAt', NULL, 'resolutionOptionId', NULL, 'resolutionAmount', NULL, 'mergedIntoId', NULL))).*
     FROM "Ticket" t WHERE t.id = $1 RETURNING id`,
    [template],
  );
  const id = rows[0].id as string;
  await c.query(
    `INSERT INTO "SlaTimer" (id, "ticketId", stage, "startedAt", "dueAt", "atRiskAt", "businessMinutes") VALUES (gen_random_uuid(), $1, 'NEW', now(), now() + interval '4 hours', now() + interval '3 hours', 240)`,
    [id],
  );
  await c.query("COMMIT");
  for (let i = 1; i <= STAGES.length; i++) {
    await c.query("BEGIN");
    await c.query(`UPDATE "Ticket" SET version = version + 1, "updatedAt" = now() WHERE id = $1`, [id]); // the version claim
    await c.query(`UPDATE "SlaTimer" SET "fulfilledAt" = now() WHERE "ticketId" = $1 AND "fulfilledAt" IS NULL`, [id]);
    if (i < STAGES.length) {
      await c.query(
        `INSERT INTO "SlaTimer" (id, "ticketId", stage, "startedAt", "dueAt", "atRiskAt", "businessMinutes") VALUES (gen_random_uuid(), $1, $2::"Stage", now(), now() + interval '4 hours', now() + interval '3 hours', 240)`,
        [id, STAGES[i]],
      );
      await c.query(`UPDATE "Ticket" SET stage = $2::"Stage", "updatedAt" = now() WHERE id = $1`, [id, STAGES[i]]);
    } else {
      await c.query(
        `UPDATE "Ticket" SET stage = 'CLOSED', "closedAt" = now(), "rootCause" = 'OUR_ERROR', "preventiveAction" = 'Check labels', "updatedAt" = now() WHERE id = $1`,
        [id],
      );
    }
    await c.query("COMMIT");
  }
}

async function run(enabled: boolean): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  for (const [table, name] of TRIGGERS) await admin.query(`ALTER TABLE ${table} ${enabled ? "ENABLE" : "DISABLE"} TRIGGER ${name}`);
  const template = (await admin.query(`SELECT id FROM "Ticket" WHERE "mergedIntoId" IS NULL LIMIT 1`)).rows[0].id;
  await admin.end();
  let done = 0;
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      while (Date.now() < until) {
        await lifecycle(c, template);
        done++;
      }
      await c.end();
    }),
  );
  return done / SECONDS;
}

const results: Record<string, number[]> = { off: [], on: [] };
for (let round = 0; round < 2; round++) {
  results.off!.push(await run(false));
  results.on!.push(await run(true));
}
const admin = new pg.Client({ connectionString: url });
await admin.connect();
for (const [table, name] of TRIGGERS) await admin.query(`ALTER TABLE ${table} ENABLE TRIGGER ${name}`);
await admin.end();
console.log(JSON.stringify(results));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(
  `lifecycles/s (1 filing + 5 stage changes, ${CLIENTS} clients): triggers off ${mean(results.off!).toFixed(1)}, on ${mean(results.on!).toFixed(1)} (${((mean(results.on!) / mean(results.off!)) * 100).toFixed(0)} %)`,
);
