import { inject } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../src/generated/prisma/client";
import type { Db } from "../../src/server/db/create-client";

const globals = globalThis as unknown as { tanggapPrisma?: Db };

/**
 * Runs `work` with the app's database client (src/server/db/prisma.ts) swapped for one that records
 * every statement it sends, from Prisma's query events, to count round trips. Statements counted
 * include COMMIT (not BEGIN, which Prisma does not report).
 */
export async function withStatementLog<T>(work: (client: Db) => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: inject("databaseUrl"), max: 2 }),
    log: [{ emit: "event", level: "query" }],
    omit: { user: { passwordHash: true } },
  });
  client.$on("query", (e) => statements.push(e.query.replace(/\s+/g, " ").trim()));
  // The app's client type has no log levels in its generics; the model API is the same.
  const app = client as unknown as Db;
  const previous = globals.tanggapPrisma;
  globals.tanggapPrisma = app;
  try {
    return { result: await work(app), statements };
  } finally {
    globals.tanggapPrisma = previous;
    await client.$disconnect();
  }
}
