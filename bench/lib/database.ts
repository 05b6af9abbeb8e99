import { join } from "node:path";
import pg from "pg";
import { createPrismaClient } from "../../src/server/db/create-client";
import { backfillBusinessSeconds } from "../../src/server/db/backfill-business-seconds";
import { applyMigrations } from "../../src/server/db/schema-engine";
import { hashPassword } from "../../src/server/auth/password";
import { seedDatabase } from "../../src/server/seed/run";
import { BENCH_PASSWORD, buildRollups, generateData } from "./generate";
import type { BenchScale } from "./mix";

export interface BenchDatabaseInfo {
  url: string;
  /** When the data was generated: its deadlines are relative to that moment. */
  generatedAt: string;
  scale: BenchScale;
  reused: boolean;
}

interface Marker {
  scale: BenchScale;
  generatedAt: string;
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const sameScale = (a: BenchScale, b: BenchScale) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The bench database `name` on the server, with generated data at `scale`. A database left by an
 * earlier run at the same scale is reused (its marker, a COMMENT, is written only once the load has
 * finished), unless `fresh`; otherwise it is dropped and built anew.
 */
export async function prepareBenchDatabase(
  serverUrl: string,
  name: string,
  scale: BenchScale,
  fresh: boolean,
  log: (line: string) => void,
): Promise<BenchDatabaseInfo> {
  const url = databaseUrl(serverUrl, name);
  const marker = await withClient(serverUrl, async (admin) => {
    const { rows } = await admin.query<{ comment: string | null }>(
      "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1",
      [name],
    );
    if (rows.length === 0) return null;
    try {
      return rows[0]!.comment ? (JSON.parse(rows[0]!.comment) as Marker) : null;
    } catch {
      return null;
    }
  });
  if (marker && !fresh && sameScale(marker.scale, scale)) {
    // Migrations added since it was generated (new indexes) still apply, as they would in production.
    const { applied } = await applyMigrations({ connectionString: url, migrationsDir: join(process.cwd(), "prisma", "migrations") });
    if (applied.length) log(`Applied migrations to the kept database: ${applied.join(", ")}`);
    log(`Reusing ${name} (generated ${marker.generatedAt}).`);
    return { url, generatedAt: marker.generatedAt, scale, reused: true };
  }

  await withClient(serverUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  });
  log(`Created ${name}; migrating and seeding reference data...`);
  await applyMigrations({ connectionString: url, migrationsDir: join(process.cwd(), "prisma", "migrations") });
  const prisma = createPrismaClient(url, 2);
  try {
    await seedDatabase(prisma, { demo: false });
  } finally {
    await prisma.$disconnect();
  }

  const now = new Date();
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  log(`Generating ${scale.tickets.toLocaleString("en")} tickets over ${scale.days} days...`);
  const started = performance.now();
  await withClient(url, (client) => generateData(client, { scale, now, passwordHash, log }));
  // The generator inserts fulfilled clocks directly; their business time comes from the app's arithmetic.
  // Written with the triggers off, as the load was (a superuser's bench database): each write would
  // otherwise move the clock in the rollups, which are built once below from the finished clocks.
  const withoutTriggers = new URL(url);
  withoutTriggers.searchParams.set("options", "-c session_replication_role=replica");
  const filler = createPrismaClient(withoutTriggers.toString(), 2);
  try {
    const written = await backfillBusinessSeconds(filler);
    // Every clock was rewritten: vacuumed, as the generator left the other tables.
    await filler.$executeRawUnsafe(`VACUUM ANALYZE "SlaTimer"`);
    log(`Wrote business seconds on ${written.toLocaleString("en")} fulfilled clocks.`);
  } finally {
    await filler.$disconnect();
  }
  await withClient(url, (client) => buildRollups(client, log));
  log(`Generated in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  const generatedAt = now.toISOString();
  await withClient(serverUrl, (admin) =>
    admin.query(`COMMENT ON DATABASE "${name}" IS '${JSON.stringify({ scale, generatedAt } satisfies Marker)}'`),
  );
  return { url, generatedAt, scale, reused: false };
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
