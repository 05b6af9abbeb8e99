import { env } from "@/env";
import { backfillBusinessSeconds } from "../db/backfill-business-seconds";
import type { Db } from "../db/create-client";
import { seedDemoComplaints, seedDemoStaff } from "./demo";
import { seedReferenceData } from "./reference-data";

// Arbitrary, fixed: several instances starting together seed one at a time.
const SEED_LOCK = 7_240_531;

/** Reference data always; demo staff and complaints only in demo mode, never in a production start. */
export async function seedDatabase(db: Db, { demo }: { demo: boolean }): Promise<{ demoTickets: number }> {
  if (demo && env().NODE_ENV === "production" && env().TANGGAP_DEMO !== "1") {
    throw new Error("Refusing to seed demo accounts in a production start (TANGGAP_DEMO is not 1).");
  }
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
      await seedReferenceData(tx);
      if (!demo) return { demoTickets: 0 };
      const staff = await seedDemoStaff(tx);
      const demoTickets = await seedDemoComplaints(tx, staff);
      // The demo's clocks are inserted already fulfilled, not through the write path.
      await backfillBusinessSeconds(tx);
      return { demoTickets };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
