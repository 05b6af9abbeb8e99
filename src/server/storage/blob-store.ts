import { createHash } from "node:crypto";

// Where attachment bytes live, addressed by key. Two implementations: PostgreSQL (AttachmentBlob,
// the default) and an S3-compatible bucket (S3_URL). An Attachment row names its store and key, so
// rows of both kinds can coexist while files are being moved (src/features/attachments/move.ts).

export type StorageBackend = "POSTGRES" | "S3";

export interface BlobStore {
  readonly backend: StorageBackend;
  /** Writes (or overwrites) the bytes under `key`; `sha256` (hex) lets the store check what it received. */
  put(key: string, data: Uint8Array, sha256: string): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes `key`; nothing happens when it does not exist. */
  delete(key: string): Promise<void>;
}

/** The store could not be reached or refused the request; nothing may be assumed written. */
export class StorageUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StorageUnavailableError";
  }
}

/** Bytes that do not hash to what their row recorded: never served, never moved. */
export class StorageIntegrityError extends Error {
  constructor(readonly key: string) {
    super(`the bytes under ${key} do not match their recorded SHA-256`);
    this.name = "StorageIntegrityError";
  }
}

export function sha256Hex(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** The key of an attachment's bytes, in either store: the same key, so a move never renames. */
export function attachmentKey(attachmentId: string): string {
  return `attachments/${attachmentId}`;
}
