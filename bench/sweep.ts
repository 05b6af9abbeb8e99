// Times the SLA monitor's real sweep (src/features/sla/monitor.ts) over every open ticket of the
// bench database. Run in its own process with the react-server condition, under which `server-only`
// is the empty module it is inside Next's server bundle. Prints one JSON line.
import { sweepSla } from "../src/features/sla/monitor";
import { createPrismaClient } from "../src/server/db/create-client";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
const rounds = Number(process.argv[2] ?? 5);
const db = createPrismaClient(url, 2);
try {
  // The first sweep records whatever fell due since the last one (the app's own monitor may have
  // run); the following ones are the every-minute steady state the target is about.
  const t0 = performance.now();
  const first = await sweepSla(new Date(), { db });
  const firstMs = performance.now() - t0;
  const steady: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await sweepSla(new Date(), { db });
    steady.push(performance.now() - t);
  }
  const openTimers = await db.slaTimer.count({ where: { fulfilledAt: null } });
  console.log(JSON.stringify({ firstMs, first, steady, openTimers }));
} finally {
  await db.$disconnect();
}
