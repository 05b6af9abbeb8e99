import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { db, type Db } from "@/server/db/prisma";
import { consoleLogger } from "@/server/ops/logger";
import type { BlobStore } from "@/server/storage/blob-store";
import { s3Store } from "@/server/storage/stores";

// Deletes S3 objects that no committed Attachment row points at: uploads whose transaction failed
// or whose process died (see storeAttachments), and the S3 copies left behind by a move to
// PostgreSQL (./move.ts). Each such key has a PendingObject row.
//
// The rows are claimed with FOR UPDATE SKIP LOCKED, so any number of instances sweep side by side,
// and a transaction that is still storing its files holds its keys' rows locked (it deletes them)
// and is never swept under. The grace period covers the other gap — between recording a key and
// that transaction reaching it, while the upload runs — and is far longer than an upload's timeouts.

export const PENDING_OBJECT_SWEEP = { graceMs: 15 * 60_000, intervalMs: 60_000, batchSize: 20 } as const;

export interface PendingSweep {
  /** Objects deleted from the bucket. */
  deleted: number;
  /** Keys that an Attachment row does point at after all: only their PendingObject row went. */
  kept: number;
}

export async function sweepPendingObjects(
  options: { graceMs?: number; batchSize?: number; store?: BlobStore; client?: Db } = {},
): Promise<PendingSweep> {
  const { graceMs = PENDING_OBJECT_SWEEP.graceMs, batchSize = PENDING_OBJECT_SWEEP.batchSize } = options;
  const store = options.store ?? s3Store();
  const result: PendingSweep = { deleted: 0, kept: 0 };
  for (;;) {
    const swept = await (options.client ?? db()).$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<{ key: string }[]>`
          SELECT key FROM "PendingObject"
          WHERE "createdAt" <= now() - ${graceMs}::int * interval '1 millisecond'
          ORDER BY "createdAt" LIMIT ${batchSize}::int
          FOR UPDATE SKIP LOCKED`;
        const keys = rows.map((r) => r.key);
        if (keys.length === 0) return 0;
        const pointed = await tx.attachment.findMany({ where: { storage: "S3", storageKey: { in: keys } }, select: { storageKey: true } });
        const kept = new Set(pointed.map((a) => a.storageKey));
        // A failure (the bucket down) rolls the claim back: the rows stay for the next pass.
        for (const key of keys) if (!kept.has(key)) await store.delete(key);
        await tx.pendingObject.deleteMany({ where: { key: { in: keys } } });
        result.deleted += keys.length - kept.size;
        result.kept += kept.size;
        return keys.length;
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
    if (swept < batchSize) return result;
  }
}

/** Sweeps every `intervalMs` until `signal` aborts; logs failures (the bucket down) and carries on. */
export async function runPendingObjectSweeper({ signal, intervalMs }: { signal: AbortSignal; intervalMs: number }): Promise<void> {
  const log = consoleLogger("storage");
  let failures = 0;
  while (!signal.aborted) {
    try {
      const { deleted } = await sweepPendingObjects();
      if (failures > 0) log.info(`[storage] sweeper working again after ${failures} failed pass(es)`);
      failures = 0;
      if (deleted > 0) log.info(`[storage] deleted ${deleted} object(s) no attachment points at`);
    } catch (error) {
      failures++;
      // Once, not every pass, while the bucket stays down.
      if (failures === 1) log.error("[storage] sweeper failed, will keep trying:", error instanceof Error ? error.message : error);
    }
    try {
      await sleep(intervalMs, undefined, { signal, ref: false });
    } catch {
      // Aborted: the loop condition ends it.
    }
  }
}
