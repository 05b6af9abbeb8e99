// Load and faults against the production server: hundreds of complaints at once, then the same
// while PostgreSQL's connections are killed under it. Nothing acknowledged may be lost or stored
// twice, nothing refused may be half-stored, and the server and its background loops carry on.
import { expect, test } from "@playwright/test";
import pg from "pg";
import { complaintFields, databaseUrl, formatReference, pool, sql, storedTickets, submitComplaint, type Submission } from "./support";

const LOAD = 500;
const FAULT_LOAD = 300;

function summarise(results: Submission[]) {
  const by = (o: Submission["outcome"]) => results.filter((r) => r.outcome === o).length;
  return {
    acknowledged: by("acknowledged"),
    refused: by("refused"),
    transport: by("transport"),
    serverErrors: results.filter((r) => r.status >= 500).length,
  };
}

/** The database holds each acknowledged complaint once, with its event, timer and receipt; nothing else from `tag`. */
async function expectExactlyOnce(tag: string, results: Submission[]) {
  const stored = await storedTickets(tag);
  const acknowledged = results.filter((r) => r.outcome === "acknowledged");
  const references = acknowledged.map((r) => r.reference);
  expect(new Set(references).size, "references are unique").toBe(references.length);
  const byEmail = new Map(stored.map((t) => [t.email, t]));
  expect(byEmail.size, "one ticket per address").toBe(stored.length);
  expect(stored.length, "stored = acknowledged").toBe(acknowledged.length);
  results.forEach((r, i) => {
    const ticket = byEmail.get(`${tag}-${i}@example.test`);
    if (r.outcome === "acknowledged") expect(ticket && formatReference(ticket.reference), `submission ${i}`).toBe(r.reference);
    else expect(ticket, `refused submission ${i} left a ticket`).toBeUndefined();
  });
  for (const t of stored)
    expect({ filed: t.filed, timers: t.timers, outbox: t.outbox }, `ticket ${t.reference} is whole`).toEqual({
      filed: 1,
      timers: 1,
      outbox: 1,
    });
  // No customer row without its ticket: a rolled-back submission leaves nothing behind.
  const [orphans] = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Customer" c WHERE c.email LIKE $1 AND NOT EXISTS (SELECT 1 FROM "Ticket" t WHERE t."customerId" = c.id)`,
    [`${tag}-%`],
  );
  expect(orphans!.n).toBe(0);
}

test(`${LOAD} complaints at once: each acknowledged one stored exactly once, no server error`, async ({ baseURL }) => {
  const tag = `load-${Date.now().toString(36)}`;
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: LOAD }, (_, i) => submitComplaint(baseURL!, complaintFields(tag, i))));
  const seconds = (performance.now() - started) / 1000;
  const summary = summarise(results);
  console.log(`load: ${LOAD} concurrent complaints in ${seconds.toFixed(1)} s (${(LOAD / seconds).toFixed(0)}/s):`, summary);
  expect(summary.serverErrors).toBe(0);
  expect(summary.transport).toBe(0);
  for (const r of results.filter((r) => r.outcome === "refused")) expect(r.message, "a refusal says why").toBeTruthy();
  expect(summary.acknowledged).toBe(LOAD);
  await expectExactlyOnce(tag, results);
});

test("PostgreSQL connections killed mid-load: every request stored whole or refused clearly; server, mail and SLA monitor resume", async ({
  baseURL,
}) => {
  const tag = `fault-${Date.now().toString(36)}`;
  const database = new URL(databaseUrl()).pathname.slice(1);
  // The killer's own connection goes to the server's maintenance database, so it survives its own work.
  const killerUrl = new URL(databaseUrl());
  killerUrl.pathname = "/postgres";
  const killer = new pg.Client({ connectionString: killerUrl.toString() });
  await killer.connect();
  let killed = 0;
  let rounds = 0;
  let loading = true;
  const killing = (async () => {
    while (loading) {
      await new Promise((r) => setTimeout(r, 1_000));
      const { rows } = await killer.query<{ ok: boolean }>(
        "SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        [database],
      );
      killed += rows.filter((r) => r.ok).length;
      rounds++;
    }
  })();
  const results = await pool(
    Array.from({ length: FAULT_LOAD }, (_, i) => i),
    100,
    (i) => submitComplaint(baseURL!, complaintFields(tag, i)),
  );
  loading = false;
  await killing;
  await killer.end();
  const summary = summarise(results);
  console.log(`faults: ${killed} connections killed in ${rounds} rounds during ${FAULT_LOAD} complaints:`, summary);
  expect(killed).toBeGreaterThan(0);
  expect(summary.acknowledged, "between the kills, complaints are still taken").toBeGreaterThan(0);
  expect(summary.transport, "every request got an answer").toBe(0);
  expect(summary.serverErrors, "failures are messages, not 500s").toBe(0);
  for (const r of results.filter((r) => r.outcome === "refused")) expect(r.message, "a refusal says why").toBeTruthy();
  await expectExactlyOnce(tag, results);

  // Recovered without a restart: healthy, and the next complaint is taken.
  await expect.poll(async () => (await fetch(new URL("/api/health", baseURL))).status, { timeout: 15_000 }).toBe(200);
  const after = await submitComplaint(baseURL!, complaintFields(tag, FAULT_LOAD));
  expect(after.outcome).toBe("acknowledged");

  // The mail worker resumed: every acknowledged complaint's receipt goes out.
  await expect
    .poll(async () => (await storedTickets(tag)).filter((t) => t.sent === 0).length, { timeout: 120_000, intervals: [1_000] })
    .toBe(0);

  // The SLA monitor resumed: a deadline moved into the past is recorded as breached.
  const number = Number(after.reference!.slice(4));
  await sql(
    `UPDATE "SlaTimer" SET "atRiskAt" = now() - interval '2 minutes', "dueAt" = now() - interval '1 minute' WHERE "ticketId" = (SELECT id FROM "Ticket" WHERE number = $1)`,
    [number],
  );
  await expect
    .poll(
      async () =>
        (
          await sql<{ n: number }>(
            `SELECT count(*)::int AS n FROM "TicketEvent" e JOIN "Ticket" t ON t.id = e."ticketId" WHERE t.number = $1 AND e.type = 'sla.breached'`,
            [number],
          )
        )[0]!.n,
      { timeout: 30_000 },
    )
    .toBe(1);
});
