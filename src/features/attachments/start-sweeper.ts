import "server-only";
import { startOncePerProcess } from "@/server/jobs/once-per-process";
import { configuredBackend } from "@/server/storage/stores";
import { PENDING_OBJECT_SWEEP, runPendingObjectSweeper } from "./sweep";

/** With S3_URL set, sweeps objects that no attachment points at (./sweep.ts); without it there is no bucket to sweep. */
export function startPendingObjectSweeper(): (() => Promise<void>) | null {
  if (configuredBackend() !== "S3") return null;
  return startOncePerProcess("storage-sweep", (signal) => runPendingObjectSweeper({ signal, intervalMs: PENDING_OBJECT_SWEEP.intervalMs }));
}
