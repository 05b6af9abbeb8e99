// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that takes the database built
// by the existing migrations to prisma/schema.prisma (`prisma migrate dev --create-only`, offline).
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { diffMigrationsToSchema, POSTGRES_MIGRATION_LOCKFILE } from "../src/server/db/schema-engine";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** UTC, as Prisma names migration directories. */
function timestamp(now: Date): string {
  return now.toISOString().replace(/\D/g, "").slice(0, 14);
}

const name = (process.argv[2] ?? "")
  .trim()
  .replace(/[^A-Za-z0-9_]+/g, "_")
  .replace(/^_+|_+$/g, "");
if (!name) fail("Usage: npm run db:migration -- <name>   (e.g. add_ticket_priority)");

const connectionString = process.env.DATABASE_URL;
if (!connectionString) {
  fail("DATABASE_URL is not set; a PostgreSQL server is needed for a temporary shadow database.");
}

const root = fileURLToPath(new URL("..", import.meta.url));
const migrationsDir = path.join(root, "prisma", "migrations");
const schemaPath = path.join(root, "prisma", "schema.prisma");

let sql: string;
try {
  sql = await diffMigrationsToSchema({ connectionString, migrationsDir, schemaPath });
} catch (error) {
  fail(`Could not diff the migrations against prisma/schema.prisma: ${error instanceof Error ? error.message : String(error)}`);
}
if (sql === "") {
  console.log("schema and migrations already agree; no migration written.");
  process.exit(0);
}

const directory = path.join(migrationsDir, `${timestamp(new Date())}_${name}`);
if (existsSync(directory)) fail(`${path.relative(root, directory)} already exists.`);
await mkdir(directory, { recursive: true });
await writeFile(path.join(directory, "migration.sql"), sql);
const lockfile = path.join(migrationsDir, "migration_lock.toml");
if (!existsSync(lockfile)) await writeFile(lockfile, POSTGRES_MIGRATION_LOCKFILE);

console.log(`Wrote ${path.relative(root, path.join(directory, "migration.sql"))}:\n\n${sql}`);
