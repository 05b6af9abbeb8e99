// With DATABASE_URL on a real PostgreSQL server, each test migrates a throwaway database of its own
// on that server (dropped afterwards). Embedded PGlite serves a single database, so without one
// (DATABASE_URL unset or pointing at PGlite) each test starts its own embedded instance instead.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded";
import { applyMigrations, diffDatabaseToSchema, diffMigrationsToSchema } from "./schema-engine";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const migrationsDir = path.join(root, "prisma", "migrations");
const schemaPath = path.join(root, "prisma", "schema.prisma");
const TIMEOUT = 120_000;
const HINT = "prisma/schema.prisma and prisma/migrations disagree; run `npm run db:migration -- <name>`";

async function withClient<T>(connectionString: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const serverUrl = process.env.DATABASE_URL;
const realServer =
  serverUrl !== undefined &&
  !(await withClient(serverUrl, (c) => c.query<{ v: string }>("SELECT version() AS v"))).rows[0]?.v.includes("PGlite");

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function freshDatabase(): Promise<string> {
  if (realServer && serverUrl) {
    const name = `test_schema_engine_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
    await withClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
    cleanups.push(() => withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}));
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), "schema-engine-test-"));
  const embedded = await startEmbeddedPostgres({ dataDir });
  cleanups.push(async () => {
    await embedded.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
  return embedded.connectionString;
}

async function repoMigrationNames(): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
}

async function migrationsTable(connectionString: string): Promise<{ name: string; count: number }[]> {
  return withClient(connectionString, async (client) => {
    const { rows } = await client.query<{ name: string; count: number }>(
      `SELECT migration_name AS name, count(*)::int AS count FROM _prisma_migrations
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
       GROUP BY migration_name ORDER BY migration_name`,
    );
    return rows;
  });
}

describe("schema engine (wasm)", () => {
  it(
    "the migrations produce exactly prisma/schema.prisma",
    async () => {
      const url = await freshDatabase();
      const { applied } = await applyMigrations({ connectionString: url, migrationsDir });
      expect(applied).toEqual(await repoMigrationNames());
      expect(await diffDatabaseToSchema({ connectionString: url, schemaPath }), HINT).toBe("");
    },
    TIMEOUT,
  );

  // Needs a server that can hold the temporary shadow database.
  it.runIf(realServer)(
    "the migrations replayed in a shadow database also diff empty against prisma/schema.prisma",
    async () => {
      const url = await freshDatabase();
      expect(await diffMigrationsToSchema({ connectionString: url, migrationsDir, schemaPath }), HINT).toBe("");
    },
    TIMEOUT,
  );

  it(
    "applies nothing the second time",
    async () => {
      const url = await freshDatabase();
      const first = await applyMigrations({ connectionString: url, migrationsDir });
      const second = await applyMigrations({ connectionString: url, migrationsDir });
      expect(first.applied).toEqual(await repoMigrationNames());
      expect(second.applied).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    "two concurrent runs on one fresh database both succeed and apply each migration once",
    async () => {
      const url = await freshDatabase();
      const names = await repoMigrationNames();
      const [a, b] = await Promise.all([
        applyMigrations({ connectionString: url, migrationsDir }),
        applyMigrations({ connectionString: url, migrationsDir }),
      ]);
      expect([...a.applied, ...b.applied].sort((x, y) => x.localeCompare(y))).toEqual(names);
      if (names.length > 0) {
        expect(await migrationsTable(url)).toEqual(names.map((name) => ({ name, count: 1 })));
      }
    },
    TIMEOUT,
  );

  // Separate processes meet only at the database's advisory lock (PGlite has none that blocks).
  it.runIf(realServer)(
    "two db-migrate processes at once both succeed and apply each migration once",
    async () => {
      const url = await freshDatabase();
      const names = await repoMigrationNames();
      const run = () =>
        promisify(execFile)(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "scripts", "db-migrate.ts")], {
          cwd: root,
          env: { ...process.env, DATABASE_URL: url },
        });
      await Promise.all([run(), run()]);
      if (names.length > 0) {
        expect(await migrationsTable(url)).toEqual(names.map((name) => ({ name, count: 1 })));
      }
    },
    TIMEOUT,
  );
});
