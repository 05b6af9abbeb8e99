import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkEnv } from "../../src/env";
import { createPrismaClient } from "../../src/server/db/create-client";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../src/server/db/embedded";
import { applyMigrations } from "../../src/server/db/schema-engine";
import { seedDatabase } from "../../src/server/seed/run";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const MIGRATIONS = join(ROOT, "prisma", "migrations");

export interface LaunchOptions {
  mode: "start" | "dev";
  demo: boolean;
  /** Defaults to PORT. */
  port?: number;
  /** A PostgreSQL URL, else DATABASE_URL; without either, the embedded database in `embeddedDataDir` is used. */
  databaseUrl?: string;
  embeddedDataDir: string;
  /** Where a generated AUTH_SECRET is kept when none is given (demo and development only). */
  secretFile?: string;
  extraEnv?: Record<string, string>;
}

/**
 * Brings the database up to date and serves the app: the steps every way of running
 * Tanggap shares, so the demo, production and the end-to-end tests start alike.
 * Resolves when the server process exits. Every setting is checked first, before anything starts:
 * a bad one rejects with one line per setting naming it and what it needs.
 */
export async function launch(options: LaunchOptions): Promise<number> {
  // Decided first: it signs sessions and seals the tracking tokens the seed creates.
  const authSecret = process.env.AUTH_SECRET ?? (options.secretFile ? await persistentSecret(options.secretFile) : undefined);
  if (authSecret !== undefined) process.env.AUTH_SECRET = authSecret;
  const settings = checkEnv(["AUTH_SECRET"]);
  const port = options.port ?? settings.PORT;

  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = options.databaseUrl ?? settings.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: options.embeddedDataDir });
    databaseUrl = embedded.connectionString;
    console.log(`Embedded PostgreSQL (PGlite) on ${databaseUrl}, data in ${options.embeddedDataDir}`);
  }

  const stopEmbedded = async () => {
    const e = embedded;
    embedded = undefined;
    await e?.stop();
  };

  try {
    const { applied } = await applyMigrations({ connectionString: databaseUrl, migrationsDir: MIGRATIONS });
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
    const db = createPrismaClient(databaseUrl, 2);
    try {
      const { demoTickets } = await seedDatabase(db, { demo: options.demo });
      if (demoTickets) console.log(`Seeded ${demoTickets} demo complaints.`);
    } finally {
      await db.$disconnect();
    }
  } catch (error) {
    await stopEmbedded();
    throw error;
  }

  // Our own server around Next's request handler: it resolves the client's address (see next-server.ts).
  const server = join(ROOT, "scripts", "lib", "next-server.ts");
  const child = spawn(process.execPath, ["--import", "tsx", server, options.mode, String(port)], {
    cwd: ROOT,
    stdio: "inherit",
    env: {
      ...process.env,
      ...options.extraEnv,
      DATABASE_URL: databaseUrl,
      // PGlite runs every query on one backend; a small pool keeps the queue short.
      ...(embedded && !process.env.DATABASE_POOL_SIZE ? { DATABASE_POOL_SIZE: "4" } : {}),
      // and one server process: the embedded database lives in this launcher, one backend for all.
      ...(embedded ? { WEB_CONCURRENCY: "1" } : {}),
      AUTH_TRUST_HOST: "true",
      // Links in mail need the address customers reach; there is no request to ask.
      PUBLIC_BASE_URL: settings.PUBLIC_BASE_URL ?? `http://localhost:${port}`,
      TANGGAP_DEMO: options.demo ? "1" : "0",
    },
  });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.on("SIGINT", forward("SIGINT"));
  process.on("SIGTERM", forward("SIGTERM"));
  const code = await new Promise<number>((resolve) => child.on("exit", (c, signal) => resolve(c ?? (signal ? 0 : 1))));
  await stopEmbedded();
  return code;
}

async function persistentSecret(file: string): Promise<string> {
  try {
    const existing = (await readFile(file, "utf8")).trim();
    if (existing.length >= 32) return existing;
  } catch {
    // First start: fall through and create it.
  }
  const secret = randomBytes(33).toString("base64");
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
