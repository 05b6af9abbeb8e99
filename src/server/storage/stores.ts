import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { env, requireDatabaseUrl } from "@/env";
import { createPrismaClient } from "../db/create-client";
import { db, type Db } from "../db/prisma";
import { StorageUnavailableError, type BlobStore, type StorageBackend } from "./blob-store";
import { postgresBlobStore } from "./postgres-store";
import { s3BlobStore, type S3BlobStore } from "./s3-store";
import { parseS3Url } from "./s3-url";

/** Where new attachments go: the bucket when S3_URL is set, PostgreSQL otherwise (and in the embedded demo). */
export function configuredBackend(): StorageBackend {
  return env().S3_URL ? "S3" : "POSTGRES";
}

// One client per process (its sockets are pooled); on globalThis like the Prisma client.
const cache = globalThis as unknown as { tanggapS3?: { url: string; store: S3BlobStore } };

/** The bucket S3_URL names; throws StorageUnavailableError when S3_URL is not set. */
export function s3Store(): S3BlobStore {
  const url = env().S3_URL;
  if (!url) throw new StorageUnavailableError("S3_URL is not set, so files stored in S3 cannot be reached");
  if (cache.tanggapS3?.url !== url) {
    const parsed = parseS3Url(url);
    // env() has already refused a bad S3_URL; this guards a direct caller.
    if (!parsed.ok) throw new StorageUnavailableError(`S3_URL ${parsed.problem}`);
    cache.tanggapS3?.store.close();
    cache.tanggapS3 = { url, store: s3BlobStore(parsed.settings) };
  }
  return cache.tanggapS3.store;
}

/** The store a row names. `client` carries PostgreSQL writes into the caller's transaction. */
export function storeFor(backend: StorageBackend, client: Db | Prisma.TransactionClient = db()): BlobStore {
  return backend === "S3" ? s3Store() : postgresBlobStore(client);
}

const pools = globalThis as unknown as { tanggapStoragePool?: Db };

/**
 * A pool of its own (two connections) for the PendingObject rows an upload commits while its
 * caller holds a transaction: from the main pool, uploads as many as its connections would each
 * hold one and wait for another, and all of them would stall.
 */
export function bookkeepingDb(): Db {
  pools.tanggapStoragePool ??= createPrismaClient(requireDatabaseUrl(), 2, env().DATABASE_WAIT_MS);
  return pools.tanggapStoragePool;
}
