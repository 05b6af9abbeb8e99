// Test fixture, not app code: one SLA monitor instance in a process of its own, so that
// monitor.integration.test.ts can race separate processes on one database.
// Arguments: <database url> <start at, epoch ms> <batch size> <now, ISO>...
// Prints the sweep results as JSON.
import { setTimeout as sleep } from "node:timers/promises";
import { createPrismaClient } from "@/server/db/create-client";
import { sweepSla, type SweepResult } from "./monitor";

const [url, startAt, batchSize, ...nows] = process.argv.slice(2);
if (!url || !startAt || !batchSize) throw new Error("usage: <database url> <start at> <batch size> <now>...");

const db = createPrismaClient(url, 2);
try {
  // Connected before the start line, so the processes race on the sweeps, not on start-up.
  await db.$queryRaw`SELECT 1`;
  await sleep(Math.max(0, Number(startAt) - Date.now()));
  const results: SweepResult[] = [];
  for (const now of nows) results.push(await sweepSla(new Date(now), { db, batchSize: Number(batchSize) }));
  process.stdout.write(JSON.stringify(results));
} finally {
  await db.$disconnect();
}
