import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded";
import { applyMigrations, diffDatabaseToSchema } from "./schema-engine";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const migrationsDir = path.join(root, "prisma", "migrations");
const schemaPath = path.join(root, "prisma", "schema.prisma");

async function repoMigrationNames(): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
}

async function transfer(pool: pg.Pool, n: number, commit: boolean): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("INSERT INTO scratch.probe (n) VALUES ($1)", [n]);
    await new Promise((resolve) => setTimeout(resolve, 20)); // let other connections queue up
    await client.query("INSERT INTO scratch.probe (n) VALUES ($1)", [n + 1]);
    await client.query(commit ? "COMMIT" : "ROLLBACK");
  } finally {
    client.release();
  }
}

describe("embedded PGlite server", () => {
  it("serves a pool of connections, takes the migrations and keeps its data across restarts", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "embedded-pg-"));
    const names = await repoMigrationNames();
    try {
      const first = await startEmbeddedPostgres({ dataDir });
      const pool = new pg.Pool({ connectionString: first.connectionString, max: 5 });
      try {
        // Migrations first: like `prisma migrate deploy`, the engine refuses a non-empty schema.
        const { applied } = await applyMigrations({ connectionString: first.connectionString, migrationsDir });
        expect(applied).toEqual(names);
        expect(await diffDatabaseToSchema({ connectionString: first.connectionString, schemaPath })).toBe("");

        // Outside "public", so the schema diff above stays meaningful on later runs.
        await pool.query("CREATE SCHEMA scratch; CREATE TABLE scratch.probe (id serial PRIMARY KEY, n int NOT NULL)");

        // A parameter this large arrives in several TCP reads; other connections' statements
        // must not run between its Parse and Bind.
        const large = "x".repeat(300_000);
        const [queries, , , sizes] = await Promise.all([
          Promise.all(
            Array.from({ length: 20 }, (_, i) =>
              pool.query<{ n: number }>("SELECT $1::int AS n, pg_sleep(0.005)", [i]).then((r) => r.rows[0]?.n),
            ),
          ),
          transfer(pool, 100, true),
          transfer(pool, 200, false),
          Promise.all(
            [1, 2, 3].map((i) => pool.query<{ len: number; i: number }>("SELECT length($1::text) AS len, $2::int AS i", [large, i])),
          ),
        ]);
        expect(queries).toEqual(Array.from({ length: 20 }, (_, i) => i));
        expect(sizes.map((r) => r.rows[0])).toEqual([1, 2, 3].map((i) => ({ len: large.length, i })));
      } finally {
        await pool.end();
        await first.stop();
      }

      const second = await startEmbeddedPostgres({ dataDir });
      const pool2 = new pg.Pool({ connectionString: second.connectionString, max: 5 });
      try {
        const probe = await pool2.query<{ n: number }>("SELECT n FROM scratch.probe ORDER BY n");
        expect(probe.rows.map((r) => r.n)).toEqual([100, 101]);
        if (names.length > 0) {
          const migrations = await pool2.query<{ name: string }>(
            "SELECT migration_name AS name FROM _prisma_migrations ORDER BY migration_name",
          );
          expect(migrations.rows.map((r) => r.name)).toEqual(names);
        }
        expect((await applyMigrations({ connectionString: second.connectionString, migrationsDir })).applied).toEqual([]);
      } finally {
        await pool2.end();
        await second.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
