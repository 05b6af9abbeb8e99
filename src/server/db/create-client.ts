import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

/**
 * Shared by the app, scripts and tests; the app uses the cached instance in ./prisma.
 * `waitMs` is how long a request may queue for one of the pool's connections, and for a
 * transaction to start, before it is refused: under a burst, requests wait their turn
 * instead of failing after Prisma's default two seconds. Each transaction itself may run
 * for up to 15 s before it is rolled back.
 */
export function createPrismaClient(connectionString: string, poolSize = 10, waitMs = 5_000): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: poolSize, connectionTimeoutMillis: waitMs }),
    transactionOptions: { maxWait: waitMs, timeout: Math.max(15_000, waitMs) },
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;
