import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../src/server/db/embedded";

export interface FreshDatabase {
  url: string;
  /** The server it lives on, for tests that need databases of their own (null when embedded). */
  serverUrl: string | null;
  drop(): Promise<void>;
}

/**
 * A database no other run can see: a new database on the server at DATABASE_URL when
 * it is set, else a new embedded PGlite in a temporary folder.
 */
export async function freshDatabase(prefix: string): Promise<FreshDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
    const embedded = await startEmbeddedPostgres({ dataDir: dir });
    return {
      url: embedded.connectionString,
      serverUrl: null,
      async drop() {
        await embedded.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  // Several runs may share one server (parallel worktrees): TEST_DATABASE_PREFIX keeps each run's
  // databases under a name of its own, so one run's cleanup can never touch another's.
  const name = `${process.env.TEST_DATABASE_PREFIX ?? ""}${prefix}_${Date.now()}_${randomBytes(4).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    serverUrl,
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
