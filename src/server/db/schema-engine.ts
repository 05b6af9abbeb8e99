// Prisma's schema engine (migrate deploy / migrate diff) run from @prisma/schema-engine-wasm, because
// the Prisma 7 CLI cannot download its native engine on these machines. Used by CLI scripts and tests.
import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type {
  MigrationDirectory,
  MigrationList,
  SchemaContainer,
  SchemaEngine,
  SchemaFilter,
} from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

// Our own lock, taken on a dedicated connection before the engine starts. The engine also takes
// pg_advisory_lock(72707369), but through a connection pool: that lock is only released when the
// pool closes, and the engine gives up waiting for it after a timeout. Holding this one (no timeout)
// until the engine's pool is closed makes concurrent callers queue instead of failing. A different
// key is required: the same key from another session would block the engine's own attempt.
const MIGRATE_LOCK_KEY = 727073690;

let enginePromise: Promise<EngineModule> | undefined;

function loadEngineModule(): Promise<EngineModule> {
  enginePromise ??= (async () => {
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const jsPath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(jsPath), "schema_engine_bg.wasm"));
    // The wasm-bindgen glue module is exactly the import object the .wasm expects.
    const imports = { "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports };
    const { instance } = await WebAssembly.instantiate(bytes, imports);
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
    return bg;
  })();
  enginePromise.catch(() => {
    enginePromise = undefined;
  });
  return enginePromise;
}

function databaseUrl(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

async function withClient<T>(connectionString: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// adapter-pg's own connectToShadowDb cannot be used: with a connection string its shadow pool still
// connects to the main database (the URL overrides `database`), and it drops the shadow database
// before closing its pool. This creates a throwaway database on the same server and always drops it.
class ShadowDatabases {
  private readonly open = new Map<string, { dispose(): Promise<void> }>();

  constructor(private readonly connectionString: string) {}

  async connect(): Promise<SqlDriverAdapter> {
    const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await withClient(this.connectionString, (c) => c.query(`CREATE DATABASE "${name}"`));
    const adapter = await new PrismaPg({ connectionString: databaseUrl(this.connectionString, name) }).connect();
    const closePool = adapter.dispose.bind(adapter);
    let disposed: Promise<void> | undefined;
    const dispose = (): Promise<void> => {
      disposed ??= (async () => {
        this.open.delete(name);
        await closePool();
        await withClient(this.connectionString, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      })();
      return disposed;
    };
    adapter.dispose = dispose;
    this.open.set(name, { dispose });
    return adapter;
  }

  async disposeAll(): Promise<void> {
    await Promise.all([...this.open.values()].map((db) => db.dispose()));
  }
}

// The engine reports adapter failures as "External error id#N"; the original error is kept in the
// bound factory's registry.
function explainEngineError(error: unknown, registry: { consumeError(id: number): { error: unknown } | undefined }): unknown {
  const message = error instanceof Error ? error.message : String(error);
  const match = /External error id#(\d+)/.exec(message);
  const original = match ? registry.consumeError(Number(match[1]))?.error : undefined;
  if (original === undefined) return error;
  const detail = original instanceof Error ? original.message : JSON.stringify(original);
  return new Error(`Schema engine database error: ${detail}`, { cause: original });
}

async function withEngine<T>(
  connectionString: string,
  schemaFiles: SchemaContainer[],
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const bg = await loadEngineModule();
  // An external pool so that we, not the engine, decide when its connections (and the engine's
  // session-level advisory lock) go away.
  const pool = new pg.Pool({ connectionString });
  pool.on("error", () => {}); // idle-client errors surface on the next query instead
  const main = new PrismaPg(pool);
  const shadows = new ShadowDatabases(connectionString);
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => main.connect(),
    connectToShadowDb: () => shadows.connect(),
  };
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const logs: string[] = [];
  let engine: SchemaEngine | undefined;
  try {
    engine = await bg.SchemaEngine.new(
      { datamodels: schemaFiles.map((f): [string, string] => [f.path, f.content]) },
      (line: string) => void logs.push(line),
      bound,
    );
    return await fn(engine);
  } catch (error) {
    throw explainEngineError(error, bound.errorRegistry);
  } finally {
    engine?.free();
    await shadows.disposeAll();
    await pool.end();
  }
}

async function withMigrateLock<T>(connectionString: string, fn: () => Promise<T>): Promise<T> {
  return withClient(connectionString, async (client) => {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATE_LOCK_KEY]);
    try {
      return await fn();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATE_LOCK_KEY]);
    }
  });
}

/** Reads a migrations directory the way the Prisma CLI does (subdirectories sorted by name). */
async function readMigrationsList(migrationsDir: string): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const lockfileContent = await readFile(path.join(baseDir, "migration_lock.toml"), "utf8").catch(() => null);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const migrationDirectories: MigrationDirectory[] = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map(async (entry): Promise<MigrationDirectory> => {
        const content = await readFile(path.join(baseDir, entry.name, "migration.sql"), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        );
        return { path: entry.name, migrationFile: { path: "migration.sql", content } };
      }),
  );
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: lockfileContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

async function readSchemaFiles(schemaPath: string): Promise<SchemaContainer[]> {
  const resolved = path.resolve(schemaPath);
  return [{ path: resolved, content: await readFile(resolved, "utf8") }];
}

/** The engine writes comment-only scripts ("-- This is an empty migration.") when nothing changes. */
function normaliseScript(script: string | null): string {
  if (script === null) return "";
  const hasStatement = script.split("\n").some((line) => line.trim() !== "" && !line.trim().startsWith("--"));
  return hasStatement ? script : "";
}

/** Applies pending `migrationsDir/<name>/migration.sql` files like `prisma migrate deploy`. */
export async function applyMigrations(options: {
  connectionString: string;
  migrationsDir: string;
}): Promise<{ applied: string[] }> {
  const migrationsList = await readMigrationsList(options.migrationsDir);
  return withMigrateLock(options.connectionString, () =>
    withEngine(options.connectionString, [], async (engine) => {
      const result = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
      return { applied: result.appliedMigrationNames };
    }),
  );
}

/**
 * SQL taking the database produced by the migrations to the datamodel in `schemaPath`; "" when they
 * agree. The migrations are replayed in a temporary shadow database on the connection's server.
 */
export async function diffMigrationsToSchema(options: {
  connectionString: string;
  migrationsDir: string;
  schemaPath: string;
}): Promise<string> {
  const [migrationsList, files] = await Promise.all([
    readMigrationsList(options.migrationsDir),
    readSchemaFiles(options.schemaPath),
  ]);
  return withEngine(options.connectionString, files, async (engine) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return normaliseScript(result.stdout);
  });
}

/**
 * SQL creating the datamodel in `schemaPath` from nothing. The database is not changed, but the
 * engine still connects to it to learn the server version, hence the connection string.
 */
export async function diffEmptyToSchema(options: { connectionString: string; schemaPath: string }): Promise<string> {
  const files = await readSchemaFiles(options.schemaPath);
  return withEngine(options.connectionString, files, async (engine) => {
    const result = await engine.diff({
      from: { tag: "empty" },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return normaliseScript(result.stdout);
  });
}
