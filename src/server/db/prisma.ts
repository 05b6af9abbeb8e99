import "server-only";
import { env, requireDatabaseUrl } from "@/env";
import { createPrismaClient, type Db } from "./create-client";

// One client per process; kept on globalThis so hot reload in development does not open a pool per edit.
const globalForPrisma = globalThis as unknown as { tanggapPrisma?: Db };

export function db(): Db {
  globalForPrisma.tanggapPrisma ??= createPrismaClient(requireDatabaseUrl(), env().DATABASE_POOL_SIZE, env().DATABASE_WAIT_MS);
  return globalForPrisma.tanggapPrisma;
}

export type { Db };
