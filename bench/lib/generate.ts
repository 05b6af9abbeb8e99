import type { Client } from "pg";
import { CATEGORY_MIX, CLOCK_MIX, OPEN_BY_AGE, OPEN_STAGE_MIX, PRIORITY_MIX, sqlPick, STAGE_WALL_HOURS, type BenchScale } from "./mix";
import { sqlArray } from "./sql-text";
import { TEXT } from "./text";

// Generates a helpdesk's history inside PostgreSQL: every row comes from INSERT … SELECT over
// generate_series, so a million tickets cost a few statements, not a million round trips.
//
// The load runs with session_replication_role = replica, which skips triggers: the search-vector
// triggers would update each ticket once per message, and the append-only guards are not needed
// for a fresh load. The search vector is therefore computed here with the same function the
// triggers use (tanggap_search_document). Secondary indexes are dropped first and rebuilt after the
// load (one sort per index instead of millions of random inserts), then the tables are VACUUM
// ANALYZEd as a long-running database would be.

export const BENCH_PASSWORD = "bench-passphrase-not-secret";
export const BENCH_AGENT_EMAIL = "bench-agent-01@bench.test";
export const BENCH_SUPERVISOR_EMAIL = "bench-supervisor-1@bench.test";

const LOADED_TABLES = ["Customer", "Ticket", "SlaTimer", "Message", "TicketEvent", "OutboxMessage"];

// Stages in order; index 6 is CLOSED. Shares of a closed ticket's lifetime spent in each stage.
const STAGES = ["NEW", "LISTEN", "UNDERSTAND", "RESOLVE", "APOLOGISE"] as const;
const CLOSED_SHARES = [0, 0.03, 0.23, 0.48, 0.9, 1];
const BUSINESS_MINUTES = [240, 540, 540, 1620, 240];

export interface GenerateOptions {
  scale: BenchScale;
  now: Date;
  passwordHash: string;
  log: (line: string) => void;
}

const lit = (d: Date) => `'${d.toISOString()}'::timestamptz`;

async function step(client: Client, log: (line: string) => void, label: string, sql: string): Promise<void> {
  const started = performance.now();
  const result = await client.query(sql);
  const rows = typeof result.rowCount === "number" && result.rowCount > 0 ? ` (${result.rowCount.toLocaleString("en")} rows)` : "";
  log(`  ${label}${rows}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Staff and teams: `scale.teams` teams (the seeded ones first), agents spread over them, supervisors. */
function staffSql({ scale, passwordHash }: GenerateOptions): string {
  const hash = passwordHash.replace(/'/g, "''");
  return `
    INSERT INTO "Team" (id, "nameEn", "nameId")
    SELECT gen_random_uuid(), 'Bench team ' || g, 'Tim bench ' || g FROM generate_series(1, greatest(0, ${scale.teams} - (SELECT count(*) FROM "Team"))) g;
    CREATE TEMP TABLE bench_team AS SELECT row_number() OVER (ORDER BY "nameEn") - 1 AS i, id FROM "Team";
    INSERT INTO "User" (id, email, name, "passwordHash", role, "teamId", locale, "updatedAt")
    SELECT gen_random_uuid(), format('bench-agent-%s@bench.test', lpad(g::text, 2, '0')), format('Agent %s', g), '${hash}', 'AGENT',
      (SELECT id FROM bench_team WHERE i = (g - 1) % ${scale.teams}), CASE WHEN g % 3 = 0 THEN 'en' ELSE 'id' END::"Locale", now()
    FROM generate_series(1, ${scale.agents}) g;
    INSERT INTO "User" (id, email, name, "passwordHash", role, "teamId", locale, "updatedAt")
    SELECT gen_random_uuid(), format('bench-supervisor-%s@bench.test', g), format('Supervisor %s', g), '${hash}', 'SUPERVISOR',
      (SELECT id FROM bench_team WHERE i = (g - 1) % ${scale.teams}), 'en', now()
    FROM generate_series(1, ${scale.supervisors}) g;
    CREATE TEMP TABLE bench_agent AS SELECT row_number() OVER (ORDER BY email) - 1 AS i, id FROM "User" WHERE email LIKE 'bench-agent-%';`;
}

function customersSql({ scale, now }: GenerateOptions): string {
  return `
    INSERT INTO "Customer" (id, email, name, phone, locale, "createdAt", "updatedAt")
    SELECT gen_random_uuid(), format('customer-%s@bench.test', g),
      ${sqlArray(TEXT.firstNames)}[1 + (g * 7) % ${TEXT.firstNames.length}] || ' ' || ${sqlArray(TEXT.lastNames)}[1 + (g * 13) % ${TEXT.lastNames.length}],
      CASE WHEN g % 4 = 0 THEN NULL ELSE '+62 812 ' || lpad((g % 10000000)::text, 7, '0') END,
      CASE WHEN g % 10 < 7 THEN 'id' ELSE 'en' END::"Locale",
      ${lit(now)} - make_interval(days => ${scale.days}) + make_interval(secs => (g::float8 / ${scale.customers}) * ${scale.days} * 86400), ${lit(now)}
    FROM generate_series(1, ${scale.customers}) g;
    CREATE TEMP TABLE bench_customer AS SELECT row_number() OVER (ORDER BY "createdAt", id) - 1 AS i, id FROM "Customer" WHERE email LIKE 'customer-%@bench.test';
    CREATE UNIQUE INDEX ON bench_customer (i);`;
}

/** One row per ticket with every draw it needs, so the tables below agree with each other. */
function plannedTicketsSql({ scale, now }: GenerateOptions): string {
  const N = scale.tickets;
  const openShare = `(CASE ${OPEN_BY_AGE.filter((b) => Number.isFinite(b.maxAgeDays))
    .map((b) => `WHEN age < ${b.maxAgeDays} THEN ${b.share}`)
    .join(" ")} ELSE ${OPEN_BY_AGE[OPEN_BY_AGE.length - 1]!.share} END)`;
  const wallHours = `(CASE stage WHEN 'NEW' THEN (CASE WHEN priority = 'URGENT' THEN 1.5 ELSE ${STAGE_WALL_HOURS.NEW} END) WHEN 'LISTEN' THEN ${STAGE_WALL_HOURS.LISTEN}
    WHEN 'UNDERSTAND' THEN ${STAGE_WALL_HOURS.UNDERSTAND} WHEN 'RESOLVE' THEN ${STAGE_WALL_HOURS.RESOLVE} ELSE ${STAGE_WALL_HOURS.APOLOGISE} END)`;
  return `
    CREATE UNLOGGED TABLE bench_ticket AS
    WITH base AS (
      SELECT n, ${lit(now)} - make_interval(secs => ${scale.days} * 86400.0 * (1 - (n - random()) / ${N})) AS created,
        random() AS r_open, random() AS r_cat, random() AS r_pri, random() AS r_stage, random() AS r_clock, random() AS r_due,
        random() AS r_asg, random() AS r_cust, random() AS r_life, random() AS r_out, random() AS r_rate, random() AS r_text
      FROM generate_series(1, ${N}) n
    ), aged AS (
      SELECT *, extract(epoch FROM ${lit(now)} - created) / 86400 AS age FROM base
    ), chosen AS (
      SELECT *, r_open < ${openShare} AS open,
        ${sqlPick("r_cat", CATEGORY_MIX)} AS category,
        ${sqlPick("r_pri", PRIORITY_MIX)} AS priority,
        ${sqlPick("r_clock", CLOCK_MIX)} AS clock
      FROM aged
    ), staged AS (
      SELECT *,
        CASE WHEN NOT open THEN 'CLOSED'
             WHEN age < 0.25 THEN (CASE WHEN r_stage < 0.7 THEN 'NEW' ELSE 'LISTEN' END)
             ELSE ${sqlPick("r_stage", OPEN_STAGE_MIX)} END AS stage
      FROM chosen
    ), clocked AS (
      SELECT *, make_interval(secs => ${wallHours} * 3600) AS wall,
        -- Closed: a lifetime of 7 hours to 9 days, never past now.
        least(make_interval(secs => (0.3 + 8.7 * r_life * r_life) * 86400), make_interval(secs => age * 86400 * 0.95)) AS life
      FROM staged
    ), due AS (
      SELECT *,
        CASE WHEN NOT open THEN NULL
             WHEN clock = 'overdue' THEN ${lit(now)} - make_interval(secs => 120 + r_due * 48 * 3600)
             WHEN clock = 'atRisk' THEN ${lit(now)} + wall * (0.25 * r_due)
             ELSE ${lit(now)} + wall * (0.25 + 0.75 * r_due) END AS due_at
      FROM clocked
    )
    SELECT n, gen_random_uuid() AS id, created, age, open, category, priority, clock, stage, wall, life, r_asg, r_cust, r_out, r_rate, r_text, r_due,
      CASE stage WHEN 'NEW' THEN 1 WHEN 'LISTEN' THEN 2 WHEN 'UNDERSTAND' THEN 3 WHEN 'RESOLVE' THEN 4 WHEN 'APOLOGISE' THEN 5 ELSE 6 END AS si,
      due_at,
      due_at - wall * 0.25 AS at_risk_at,
      CASE WHEN open THEN least(${lit(now)}, greatest(created, due_at - wall)) END AS stage_start,
      CASE WHEN open AND clock = 'waiting' THEN greatest(least(${lit(now)}, greatest(created, due_at - wall)), ${lit(now)} - make_interval(secs => r_due * 86400)) END AS paused_at
    FROM due;
    ALTER TABLE bench_ticket ADD COLUMN customer_i int, ADD COLUMN agent_i int;
    -- A third of the tickets come from returning customers.
    UPDATE bench_ticket SET customer_i = CASE WHEN r_cust < 0.7 THEN floor((n - 1)::float8 / ${N} * ${scale.customers})::int ELSE floor(r_cust * ${scale.customers})::int % ${scale.customers} END,
      agent_i = CASE WHEN stage = 'NEW' AND r_asg < 0.6 THEN NULL ELSE floor(r_asg * 997)::int % ${scale.agents} END;
    CREATE UNIQUE INDEX ON bench_ticket (n);
    ANALYZE bench_ticket;`;
}

/**
 * Every story a generated complaint can tell — product × problem × branch × closing, per language and
 * category — with its search documents computed once, so a million tickets reuse a few thousand
 * to_tsvector results instead of computing six each. A ticket's narrative is its story plus its own
 * order number.
 */
function storiesSql(): string {
  const t = TEXT;
  const counts = { products: t.products.en.length, problems: 4, cities: t.cities.length, closings: t.closings.en.length };
  const total = counts.products * counts.problems * counts.cities * counts.closings;
  const at = (list: readonly string[], index: string) => `${sqlArray(list)}[1 + ${index}]`;
  const problem = (lang: "en" | "id") =>
    `(CASE category ${Object.entries(t.problems[lang])
      .map(([code, list]) => `WHEN '${code}' THEN ${at(list, `(k / ${counts.products}) % ${counts.problems}`)}`)
      .join(" ")} END)`;
  const city = at(t.cities, `(k / ${counts.products * counts.problems}) % ${counts.cities}`);
  const closing = (lang: "en" | "id") =>
    at(t.closings[lang], `(k / ${counts.products * counts.problems * counts.cities}) % ${counts.closings}`);
  const product = (lang: "en" | "id") => at(t.products[lang], `k % ${counts.products}`);
  return `
    CREATE UNLOGGED TABLE bench_story AS
    WITH s AS (
      SELECT lang, category, k,
        CASE WHEN lang = 'en' THEN format('The %s I ordered %s. Bought at the %s branch. %s', ${product("en")}, ${problem("en")}, ${city}, ${closing("en")})
             ELSE format('%s yang saya pesan %s. Dibeli di cabang %s. %s', initcap(${product("id")}), ${problem("id")}, ${city}, ${closing("id")}) END AS story
      FROM unnest(ARRAY['en', 'id']) lang, unnest(${sqlArray(Object.keys(t.problems.en))}) category, generate_series(0, ${total - 1}) k
    )
    SELECT lang, category, k, story, left(story, 80) AS subject,
      setweight(tanggap_search_document(left(story, 80)), 'A') || setweight(tanggap_search_document(story), 'B') AS doc
    FROM s;
    CREATE UNIQUE INDEX ON bench_story (lang, category, k);
    CREATE TEMP TABLE bench_option AS
    SELECT c.code, o.id, row_number() OVER (PARTITION BY c.code ORDER BY o."sortOrder", o.kind) - 1 AS i, count(*) OVER (PARTITION BY c.code) AS cnt
    FROM "ResolutionOption" o JOIN "Category" c ON c.id = o."categoryId";
    ANALYZE bench_story;`;
}

function ticketsSql({ now }: GenerateOptions): string {
  const t = TEXT;
  const pick = (list: readonly string[], draw: string) => `${sqlArray(list)}[1 + floor(${draw} * ${list.length})::int]`;
  const storyCount = t.products.en.length * 4 * t.cities.length * t.closings.en.length;
  const orderSentence = `CASE WHEN c.locale = 'en' THEN ' Order ' ELSE ' Pesanan ' END || 'ORD-' || lpad((b.n::bigint * 7919 % 9999991)::text, 7, '0') || '.'`;
  const narrative = `st.story || ${orderSentence}`;
  return `
    INSERT INTO "Ticket" (id, number, "trackingTokenHash", "customerId", "categoryId", priority, stage, locale, "assigneeId", "teamId",
      subject, narrative, "orderNumber", amount, currency, "desiredOutcome",
      "factsWhat", "factsWhen", restatement, severity, "safetyRisk", "rootCause", finding, disputed,
      "resolutionOptionId", "resolutionAmount", "apologySentAt", "preventiveAction", rating, "wouldTrustAgain", "ratedAt",
      "waitingOnCustomer", "stageDueAt", "stageAtRiskAt", "acknowledgeBy", "searchVector", version, "createdAt", "updatedAt", "closedAt", "contactName", "contactPhone")
    SELECT b.id, b.n, encode(sha256(convert_to('bench-token-' || b.n, 'UTF8')), 'hex'), c.id, cat.id, b.priority::"Priority", b.stage::"Stage", c.locale,
      ag.id, cat."teamId",
      st.subject, x.narrative, 'ORD-' || lpad((b.n::bigint * 7919 % 9999991)::text, 7, '0'),
      CASE WHEN b.category = 'SERVICE_PROBLEM' THEN NULL ELSE (50000 + floor(b.r_out * 40) * 25000)::numeric(12, 2) END, 'IDR',
      CASE WHEN c.locale = 'en' THEN ${pick(t.outcomes.en, "b.r_out")} ELSE ${pick(t.outcomes.id, "b.r_out")} END,
      CASE WHEN b.si > 2 THEN left(x.narrative, 60) END, CASE WHEN b.si > 2 THEN to_char(b.created - interval '2 days', 'YYYY-MM-DD') END,
      CASE WHEN b.si > 2 THEN 'You would like us to ' || lower(${pick(t.outcomes.en, "b.r_out")}) END,
      CASE WHEN b.si > 2 THEN (CASE WHEN b.r_rate < 0.5 THEN 'LOW' WHEN b.r_rate < 0.85 THEN 'MEDIUM' WHEN b.r_rate < 0.98 THEN 'HIGH' ELSE 'CRITICAL' END)::"Severity" END,
      CASE WHEN b.si > 2 THEN b.r_rate > 0.995 END,
      CASE WHEN b.si > 3 THEN (CASE WHEN b.r_out < 0.45 THEN 'OUR_ERROR' WHEN b.r_out < 0.7 THEN 'THIRD_PARTY' WHEN b.r_out < 0.9 THEN 'CUSTOMER_MISUNDERSTANDING' ELSE 'UNDETERMINED' END)::"RootCause" END,
      CASE WHEN b.si > 3 THEN ${pick(t.findings, "b.r_out")} END,
      b.category = 'SERVICE_PROBLEM' AND b.r_out > 0.8,
      CASE WHEN b.si > 4 THEN bo.id END,
      CASE WHEN b.si > 4 AND b.category <> 'SERVICE_PROBLEM' THEN (25000 + floor(b.r_rate * 20) * 25000)::numeric(12, 2) END,
      CASE WHEN b.si = 6 THEN b.created + b.life END,
      CASE WHEN b.si = 6 AND b.r_out < 0.45 THEN ${pick(t.preventive, "b.r_rate")} END,
      CASE WHEN b.si = 6 AND b.r_rate < 0.6 AND b.created + b.life + interval '1 day' < ${lit(now)} THEN (CASE WHEN b.r_rate < 0.05 THEN 1 WHEN b.r_rate < 0.1 THEN 2 WHEN b.r_rate < 0.2 THEN 3 WHEN b.r_rate < 0.38 THEN 4 ELSE 5 END) END,
      CASE WHEN b.si = 6 AND b.r_rate < 0.55 AND b.created + b.life + interval '1 day' < ${lit(now)} THEN b.r_rate > 0.12 END,
      CASE WHEN b.si = 6 AND b.r_rate < 0.6 AND b.created + b.life + interval '1 day' < ${lit(now)} THEN b.created + b.life + interval '1 day' END,
      b.open AND b.clock = 'waiting', b.due_at, b.at_risk_at,
      b.created + make_interval(secs => (CASE WHEN b.priority = 'URGENT' THEN 1.5 ELSE 6 END) * 3600),
      st.doc || setweight(tanggap_search_document(x.order_sentence), 'B')
        || CASE WHEN c.locale = 'en' THEN md.en ELSE md.id END,
      b.si + 1, b.created, CASE WHEN b.open THEN coalesce(b.stage_start, b.created) ELSE b.created + b.life END, CASE WHEN NOT b.open THEN b.created + b.life END,
      -- As the form records them: the name and number given with the complaint.
      c.name, c.phone
    FROM bench_ticket b
    JOIN bench_customer bc ON bc.i = b.customer_i
    JOIN "Customer" c ON c.id = bc.id
    JOIN "Category" cat ON cat.code = b.category
    LEFT JOIN bench_agent ba ON ba.i = b.agent_i
    LEFT JOIN "User" ag ON ag.id = ba.id
    JOIN bench_option bo ON bo.code = b.category AND bo.i = floor(b.r_out * 12)::int % bo.cnt
    JOIN bench_story st ON st.lang = c.locale::text AND st.category = b.category AND st.k = floor(b.r_text * ${storyCount})::int
    CROSS JOIN LATERAL (SELECT ${narrative} AS narrative, ${orderSentence} AS order_sentence) x
    -- Every ticket's first two messages are the same template text; its document is computed once.
    CROSS JOIN (SELECT tanggap_search_document(${sqlArray(t.messages.en)}[1] || ' ' || ${sqlArray(t.messages.en)}[2]) AS en,
      tanggap_search_document(${sqlArray(t.messages.id)}[1] || ' ' || ${sqlArray(t.messages.id)}[2]) AS id) md;
    SELECT setval(pg_get_serial_sequence('"Ticket"', 'number'), (SELECT max(number) FROM "Ticket"));`;
}

/**
 * Each ticket's stage clocks: every stage it passed through (fulfilled) and, for an open ticket,
 * the running one. Recorded at-risk points and breaches as the monitor would have left them, except
 * for the last two minutes' worth, which the sweep measured later still has to record.
 */
function timersSql({ now }: GenerateOptions): string {
  const shares = `(ARRAY[${CLOSED_SHARES.join(", ")}])`;
  const minutes = `(ARRAY[${BUSINESS_MINUTES.join(", ")}])`;
  const wall = `(ARRAY[${STAGES.map((s) => STAGE_WALL_HOURS[s]).join(", ")}])`;
  const recordedBefore = `${lit(now)} - interval '2 minutes'`;
  return `
    INSERT INTO "SlaTimer" (id, "ticketId", stage, "startedAt", "dueAt", "atRiskAt", "businessMinutes", "fulfilledAt", "atRiskRecordedAt", "breachedAt")
    SELECT gen_random_uuid(), b.id, (${sqlArray(STAGES)})[k]::"Stage", s.started, s.started + s.wall, s.started + s.wall * 0.75, ${minutes}[k], s.ended,
      CASE WHEN s.ended > s.started + s.wall * 0.75 THEN s.started + s.wall * 0.75 + interval '30 seconds' END,
      CASE WHEN s.ended > s.started + s.wall THEN s.started + s.wall + interval '30 seconds' END
    FROM bench_ticket b
    CROSS JOIN LATERAL generate_series(1, CASE WHEN b.open THEN b.si - 1 ELSE 5 END) k
    CROSS JOIN LATERAL (SELECT
      CASE WHEN b.open THEN b.created + (b.stage_start - b.created) * ((k - 1)::float8 / (b.si - 1))
           ELSE b.created + b.life * ${shares}[k] END AS started,
      CASE WHEN b.open THEN b.created + (b.stage_start - b.created) * (k::float8 / (b.si - 1))
           ELSE b.created + b.life * ${shares}[k + 1] END AS ended,
      make_interval(secs => ${wall}[k] * 3600) AS wall) s;
    INSERT INTO "SlaTimer" (id, "ticketId", stage, "startedAt", "dueAt", "atRiskAt", "businessMinutes", "pausedAt", "atRiskRecordedAt", "breachedAt")
    SELECT gen_random_uuid(), b.id, b.stage::"Stage", b.stage_start, b.due_at, b.at_risk_at, ${minutes}[b.si], b.paused_at,
      CASE WHEN b.paused_at IS NULL AND b.at_risk_at <= ${recordedBefore} THEN b.at_risk_at + interval '30 seconds' END,
      CASE WHEN b.paused_at IS NULL AND b.due_at <= ${recordedBefore} THEN b.due_at + interval '30 seconds' END
    FROM bench_ticket b WHERE b.open;`;
}

/** Public messages (acknowledgement, the customer's answer, the apology) and some internal notes. */
function messagesSql(): string {
  const t = TEXT;
  return `
    INSERT INTO "Message" (id, "ticketId", "authorType", "authorId", visibility, body, "createdAt")
    SELECT gen_random_uuid(), b.id,
      (CASE WHEN k = 2 THEN 'CUSTOMER' ELSE 'STAFF' END)::"ActorType",
      CASE WHEN k <> 2 THEN t."assigneeId" END,
      (CASE WHEN k = 4 THEN 'INTERNAL' ELSE 'PUBLIC' END)::"MessageVisibility",
      CASE WHEN t.locale = 'en' THEN ${sqlArray(t.messages.en)}[k] ELSE ${sqlArray(t.messages.id)}[k] END,
      b.created + (coalesce(t."closedAt", b.stage_start, b.created) - b.created) * (k::float8 / 5)
    FROM bench_ticket b
    JOIN "Ticket" t ON t.id = b.id
    CROSS JOIN LATERAL generate_series(1, CASE WHEN b.open THEN least(b.si, 3) ELSE 3 + (b.r_out < 0.5)::int END) k
    WHERE k <> 3 OR NOT b.open;`;
}

/** The history: filed, assigned, each stage change, and the messages sent. */
function eventsSql(): string {
  return `
    INSERT INTO "TicketEvent" ("ticketId", "actorType", "actorId", type, before, after, "createdAt")
    SELECT b.id, 'CUSTOMER', NULL, 'ticket.filed', NULL,
      jsonb_build_object('stage', 'NEW', 'category', b.category, 'priority', b.priority, 'dueAt', b.created + interval '6 hours'), b.created
    FROM bench_ticket b;
    INSERT INTO "TicketEvent" ("ticketId", "actorType", "actorId", type, before, after, "createdAt")
    SELECT t.id, 'STAFF', t."assigneeId", 'ticket.assigned', jsonb_build_object('assigneeId', NULL), jsonb_build_object('assigneeId', t."assigneeId"), s."startedAt" + interval '5 minutes'
    FROM "Ticket" t JOIN "SlaTimer" s ON s."ticketId" = t.id AND s.stage = 'NEW' WHERE t."assigneeId" IS NOT NULL;
    INSERT INTO "TicketEvent" ("ticketId", "actorType", "actorId", type, before, after, "createdAt")
    SELECT s."ticketId", 'STAFF', t."assigneeId", 'stage.changed', jsonb_build_object('stage', s.stage),
      jsonb_build_object('stage', CASE s.stage WHEN 'NEW' THEN 'LISTEN' WHEN 'LISTEN' THEN 'UNDERSTAND' WHEN 'UNDERSTAND' THEN 'RESOLVE' WHEN 'RESOLVE' THEN 'APOLOGISE' ELSE 'CLOSED' END), s."fulfilledAt"
    FROM "SlaTimer" s JOIN "Ticket" t ON t.id = s."ticketId"
    WHERE s."fulfilledAt" IS NOT NULL;
    INSERT INTO "TicketEvent" ("ticketId", "actorType", "actorId", type, before, after, "createdAt")
    SELECT m."ticketId", m."authorType", m."authorId", 'message.sent', NULL, jsonb_build_object('visibility', m.visibility), m."createdAt" FROM "Message" m;`;
}

/** The mail those tickets caused, long since sent: a receipt each, and the apology for closed ones. */
function outboxSql(): string {
  return `
    INSERT INTO "OutboxMessage" (id, kind, recipient, subject, body, "dedupeKey", "ticketId", status, attempts, "nextAttemptAt", "sentAt", "createdAt")
    SELECT gen_random_uuid(), m.kind, c.email, m.subject, m.body, m.kind || ':' || t.id, t.id, 'SENT', 1, m.at, m.at + interval '3 seconds', m.at
    FROM "Ticket" t JOIN "Customer" c ON c.id = t."customerId"
    CROSS JOIN LATERAL (VALUES
      ('receipt', 'We have received your complaint TGP-' || lpad(t.number::text, 6, '0'),
        'Thank you for telling us. Your reference is TGP-' || lpad(t.number::text, 6, '0') || '. We will reply by ' || to_char(t."acknowledgeBy", 'YYYY-MM-DD HH24:MI') || '. Follow your complaint at the private link we sent you.', t."createdAt"),
      ('apology', 'About your complaint TGP-' || lpad(t.number::text, 6, '0'),
        'We are sorry for what happened. Here is what we have done to put it right, and what we changed so that it does not happen again.', t."apologySentAt")
    ) m(kind, subject, body, at)
    WHERE m.at IS NOT NULL;`;
}

/** Drops the secondary indexes of the bulk-loaded tables, returning their definitions to rebuild them. */
async function dropSecondaryIndexes(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [LOADED_TABLES],
  );
  for (const r of rows) await client.query(`DROP INDEX "${r.name}"`);
  return rows.map((r) => r.def);
}

/**
 * Builds the daily rollups from what the load wrote, as the rollups' migration builds them for a
 * database that predates them: run after the load and after the clocks' business seconds, which the
 * time-per-stage histograms read.
 */
export async function buildRollups(client: Client, log: (line: string) => void): Promise<void> {
  await step(client, log, "report rollups", "SELECT report_daily_backfill()");
  // VACUUM, not only ANALYZE: the rows were just written, so no page is marked all-visible yet, and the
  // time-per-stage histograms' covering index then reads every row's heap page instead of the index
  // alone (a year at 50k: 20,934 pages and 230 ms against 564 pages and 30 ms). A running instance's
  // autovacuum marks them soon after such a bulk insert; the bench measures that steady state.
  await step(client, log, "vacuum rollups", "VACUUM ANALYZE report_daily");
}

export async function generateData(client: Client, options: GenerateOptions): Promise<void> {
  const { log } = options;
  await client.query("SET session_replication_role = replica");
  await client.query("SET maintenance_work_mem = '512MB'");
  await client.query("SET work_mem = '128MB'");
  // Compiling each big statement costs about a second here and saves nothing on simple expressions.
  await client.query("SET jit = off");
  await client.query("SELECT setseed(0.7)");
  const indexes = await dropSecondaryIndexes(client);
  log(`  dropped ${indexes.length} secondary indexes for the load`);
  await step(client, log, "staff and teams", staffSql(options));
  await step(client, log, "customers", customersSql(options));
  await step(client, log, "ticket plan", plannedTicketsSql(options));
  await step(client, log, "stories (search documents)", storiesSql());
  await step(client, log, "tickets (with search vectors)", ticketsSql(options));
  await step(client, log, "SLA timers", timersSql(options));
  await step(client, log, "messages", messagesSql());
  await step(client, log, "events", eventsSql());
  await step(client, log, "outbox (sent mail)", outboxSql());
  const started = performance.now();
  for (const def of indexes) await client.query(def);
  log(`  rebuilt ${indexes.length} indexes: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await client.query("DROP TABLE bench_ticket, bench_story");
  await client.query("SET session_replication_role = DEFAULT");
  // The load skips triggers: the daily rollups the reports read are built afterwards (buildRollups),
  // once the clocks' business seconds are written too.
  await step(client, log, "vacuum analyze", "VACUUM ANALYZE");
}
