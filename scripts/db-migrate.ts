// Applies pending prisma/migrations to DATABASE_URL, like `prisma migrate deploy`.
import { fileURLToPath } from "node:url";
import { applyMigrations } from "../src/server/db/schema-engine";

const connectionString = process.env.DATABASE_URL;
if (!connectionString) {
  console.error("DATABASE_URL is not set; it must name the PostgreSQL database to migrate.");
  process.exit(1);
}
const migrationsDir = fileURLToPath(new URL("../prisma/migrations", import.meta.url));

try {
  const { applied } = await applyMigrations({ connectionString, migrationsDir });
  if (applied.length === 0) {
    console.log("No pending migrations.");
  } else {
    console.log(`Applied ${applied.length} migration${applied.length === 1 ? "" : "s"}:`);
    for (const name of applied) console.log(`  ${name}`);
  }
} catch (error) {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
