import "server-only";
import { db } from "@/server/db/prisma";
import { sha256Hex, type BlobStore, type StorageBackend } from "@/server/storage/blob-store";
import { postgresBlobStore } from "@/server/storage/postgres-store";

// Moves stored files between PostgreSQL and S3 (`npm run attachments:move -- --to s3|postgres`).
//
// Each file: read from where its row says, checked against the row's SHA-256; written to the
// target; read back from the target and checked again; only then is the row switched (an UPDATE
// that names the store it was read from, so two runs never both switch it) and the old copy
// deleted. A key is the same in both stores, so a rerun after a crash overwrites what it half did.
// No S3 object is ever left without a row or a PendingObject naming it (the sweeper's list), and
// no PostgreSQL blob outlives the transaction that switches its row away. Run it as often as you
// like: files already in the target are not touched; one that fails is reported and left as it was.

export interface MoveProblem {
  id: string;
  reason: "missing" | "sourceMismatch" | "targetMismatch" | "unavailable";
  detail?: string;
}

export interface MoveResult {
  moved: number;
  /** Switched by someone else meanwhile (another run). */
  skipped: number;
  failed: MoveProblem[];
}

interface Row {
  id: string;
  storageKey: string;
  sha256: string;
}

export async function moveAttachments(options: {
  to: StorageBackend;
  /** The bucket (S3_URL's): the target or the source, whichever is not PostgreSQL. */
  s3: BlobStore;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}): Promise<MoveResult> {
  const { to, s3, batchSize = 50 } = options;
  const from: StorageBackend = to === "S3" ? "POSTGRES" : "S3";
  const result: MoveResult = { moved: 0, skipped: 0, failed: [] };
  const total = await db().attachment.count({ where: { storage: from } });
  let cursor: string | undefined;
  for (;;) {
    const rows: Row[] = await db().attachment.findMany({
      where: { storage: from, ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, storageKey: true, sha256: true },
    });
    if (rows.length === 0) break;
    cursor = rows.at(-1)!.id;
    for (const row of rows) {
      try {
        const outcome = to === "S3" ? await toS3(row, s3) : await toPostgres(row, s3);
        if (outcome === "moved") result.moved++;
        else if (outcome === "skipped") result.skipped++;
        else result.failed.push({ id: row.id, reason: outcome });
      } catch (error) {
        result.failed.push({ id: row.id, reason: "unavailable", detail: error instanceof Error ? error.message : String(error) });
      }
      options.onProgress?.(result.moved + result.skipped + result.failed.length, total);
    }
  }
  return result;
}

type Outcome = "moved" | "skipped" | "missing" | "sourceMismatch" | "targetMismatch";

async function toS3(row: Row, s3: BlobStore): Promise<Outcome> {
  const data = await postgresBlobStore(db()).get(row.storageKey);
  if (!data) return "missing";
  if (sha256Hex(data) !== row.sha256) return "sourceMismatch";
  // Named before it exists: if anything below fails, the sweeper deletes the object.
  await db().pendingObject.upsert({ where: { key: row.storageKey }, create: { key: row.storageKey }, update: {} });
  await s3.put(row.storageKey, data, row.sha256);
  const back = await s3.get(row.storageKey);
  if (!back || sha256Hex(back) !== row.sha256) return "targetMismatch";
  return db().$transaction(async (tx) => {
    const switched = await tx.attachment.updateMany({
      where: { id: row.id, storage: "POSTGRES", storageKey: row.storageKey },
      data: { storage: "S3" },
    });
    if (switched.count === 0) return "skipped";
    await tx.attachmentBlob.deleteMany({ where: { key: row.storageKey } });
    await tx.pendingObject.deleteMany({ where: { key: row.storageKey } });
    return "moved";
  });
}

async function toPostgres(row: Row, s3: BlobStore): Promise<Outcome> {
  const data = await s3.get(row.storageKey);
  if (!data) return "missing";
  if (sha256Hex(data) !== row.sha256) return "sourceMismatch";
  const outcome = await db()
    .$transaction(
      async (tx): Promise<Outcome> => {
        const blobs = postgresBlobStore(tx);
        await blobs.put(row.storageKey, data, row.sha256);
        const back = await blobs.get(row.storageKey);
        if (!back || sha256Hex(back) !== row.sha256) throw new TargetMismatch();
        const switched = await tx.attachment.updateMany({
          where: { id: row.id, storage: "S3", storageKey: row.storageKey },
          data: { storage: "POSTGRES" },
        });
        if (switched.count === 0) throw new Skipped();
        // The object is now no row's: named for the sweeper, in case deleting it below fails.
        await tx.pendingObject.upsert({ where: { key: row.storageKey }, create: { key: row.storageKey }, update: {} });
        return "moved";
      },
      { maxWait: 10_000, timeout: 60_000 },
    )
    .catch((error: unknown) => {
      if (error instanceof TargetMismatch) return "targetMismatch" as const;
      if (error instanceof Skipped) return "skipped" as const;
      throw error;
    });
  if (outcome !== "moved") return outcome;
  try {
    await s3.delete(row.storageKey);
    await db().pendingObject.deleteMany({ where: { key: row.storageKey } });
  } catch {
    // Moved all the same; the object stays named in PendingObject and the sweeper deletes it.
  }
  return "moved";
}

// Thrown to roll the transaction back (the blob written in it goes too).
class TargetMismatch extends Error {}
class Skipped extends Error {}
