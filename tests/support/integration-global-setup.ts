import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../src/server/db/schema-engine";
import { startDovecot } from "./dovecot";
import { freshDatabase } from "./fresh-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseServerUrl: string | null;
    /** A throwaway Dovecot for the inbound mail tests (./dovecot.ts). */
    imap: { host: string; port: number; user: string; password: string };
  }
}

// One fresh, migrated database per run; test files reset it to what they need. One throwaway IMAP
// server too, whose mailbox the inbound mail tests empty before each test.
export default async function setup(project: TestProject) {
  const database = await freshDatabase("tanggap_it");
  await applyMigrations({
    connectionString: database.url,
    migrationsDir: fileURLToPath(new URL("../../prisma/migrations", import.meta.url)),
  });
  project.provide("databaseUrl", database.url);
  project.provide("databaseServerUrl", database.serverUrl);
  process.env.DATABASE_URL = database.url;
  const imap = await startDovecot();
  project.provide("imap", { host: imap.host, port: imap.port, user: imap.user, password: imap.password });
  return async () => {
    await imap.stop();
    await database.drop();
  };
}
