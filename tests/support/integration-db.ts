import { inject } from "vitest";
import { createPrismaClient, type Db } from "../../src/server/db/create-client";
import { seedReferenceData } from "../../src/server/seed/reference-data";

// Data-access modules read DATABASE_URL through src/env.ts; point them at this run's database.
process.env.DATABASE_URL = inject("databaseUrl");
// Tracking tokens are sealed with a key derived from it.
process.env.AUTH_SECRET ??= "integration-tests-secret-0123456789-abcdefgh";

let client: Db | undefined;

export function testDb(): Db {
  client ??= createPrismaClient(inject("databaseUrl"), 4);
  return client;
}

/** Empties every table and puts back the reference data, so each test starts from the same place. */
export async function resetDatabase(): Promise<void> {
  const db = testDb();
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
  await seedReferenceData(db);
}
