import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../src/server/db/schema-engine";
import { freshDatabase } from "./fresh-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseServerUrl: string | null;
  }
}

// One fresh, migrated database per run; test files reset it to what they need.
export default async function setup(project: TestProject) {
  const database = await freshDatabase("tanggap_it");
  await applyMigrations({
    connectionString: database.url,
    migrationsDir: fileURLToPath(new URL("../../prisma/migrations", import.meta.url)),
  });
  project.provide("databaseUrl", database.url);
  project.provide("databaseServerUrl", database.serverUrl);
  process.env.DATABASE_URL = database.url;
  return () => database.drop();
}
