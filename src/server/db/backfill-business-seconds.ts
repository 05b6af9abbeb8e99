import { fulfilledBusinessSeconds } from "@/domain/reports/business-durations";
import type { Prisma } from "@/generated/prisma/client";
import { loadSlaPolicy } from "@/server/policy/sla-policy";

type Client = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw" | "businessCalendar" | "slaTarget">;

const BATCH = 5_000;

/**
 * Writes "businessSeconds" on every fulfilled clock that lacks it, with the same calendar
 * arithmetic the write path uses (business time cannot be worked out in SQL without a second copy
 * of it). Run by applyMigrations after each migrate (the clocks fulfilled before the column
 * existed), and after bulk loads that insert clocks directly (demo seed, bench data). A partial
 * index holds exactly the clocks it has left to do, so when there are none it costs one empty
 * index probe. Returns how many it wrote.
 */
export async function backfillBusinessSeconds(client: Client): Promise<number> {
  const { calendar } = await loadSlaPolicy(client as Prisma.TransactionClient);
  let written = 0;
  for (;;) {
    const timers = await client.$queryRaw<{ id: string; startedAt: Date; fulfilledAt: Date; pausedMinutes: number }[]>`
      SELECT "id", "startedAt", "fulfilledAt", "pausedMinutes" FROM "SlaTimer"
      WHERE "fulfilledAt" IS NOT NULL AND "businessSeconds" IS NULL
      LIMIT ${BATCH}`;
    if (timers.length === 0) return written;
    const ids = timers.map((t) => t.id);
    const seconds = timers.map((t) => fulfilledBusinessSeconds(t.startedAt, t.fulfilledAt, t.pausedMinutes, calendar));
    await client.$executeRaw`
      UPDATE "SlaTimer" st SET "businessSeconds" = v."seconds"
      FROM unnest(${ids}::uuid[], ${seconds}::int[]) AS v("id", "seconds")
      WHERE st."id" = v."id"`;
    written += timers.length;
  }
}
