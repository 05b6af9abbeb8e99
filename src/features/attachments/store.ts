import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { AttachmentType } from "@/domain/attachments";
import { DomainError } from "@/domain/errors";
import { logger } from "@/server/ops/logger";
import { attachmentKey, StorageUnavailableError } from "@/server/storage/blob-store";
import { bookkeepingDb, configuredBackend, s3Store } from "@/server/storage/stores";
import { validateAttachments, type ValidatedAttachment } from "./validate";

/**
 * Options for a transaction that may store a submission's files: up to 15 MB written inside it
 * can outlast Prisma's 5-second default on a busy machine, and a timed-out transaction would
 * refuse a complaint that was fine.
 */
export const WITH_FILES = { maxWait: 10_000, timeout: 60_000 } as const;

export interface StoredAttachment {
  id: string;
  fileName: string;
  contentType: AttachmentType;
  size: number;
}

/**
 * Stores a submission's files with the ticket (and the message, for a reply), inside the
 * caller's transaction. Checks them again (a cheap look-up when validateAttachments already
 * ran on the same File objects) and throws DomainError attachmentsRefused when any is refused, so the
 * whole transaction — complaint or reply included — rolls back.
 *
 * The bytes go where configuredBackend() says. In PostgreSQL they are written in the caller's
 * transaction. In S3 they cannot be: each object's key is first recorded as a PendingObject (committed
 * on its own), then uploaded, and the caller's transaction deletes the PendingObject rows as it writes
 * the Attachment rows. So a key stays pending exactly when its row never committed — the
 * transaction failed, or the process died — and the sweeper (./sweep.ts) deletes that object. An
 * upload S3 refuses throws DomainError storageUnavailable: nothing of the submission is kept.
 */
export async function storeAttachments(
  tx: Prisma.TransactionClient,
  { ticketId, messageId, files, createdAt }: { ticketId: string; messageId?: string; files: readonly File[]; createdAt?: Date },
): Promise<StoredAttachment[]> {
  if (files.length === 0) return [];
  const checked = await validateAttachments(files);
  if (!checked.ok) throw new DomainError("attachmentsRefused", { problems: checked.problems });
  const backend = configuredBackend();
  const uploads = checked.attachments.map(({ data, ...a }) => {
    const id = randomUUID();
    return { id, key: attachmentKey(id), data, row: a };
  });

  if (backend === "S3") await uploadToS3(tx, uploads);
  else await tx.attachmentBlob.createMany({ data: uploads.map((f) => ({ key: f.key, data: f.data })) });

  const stored = await tx.attachment.createManyAndReturn({
    data: uploads.map((f) => ({ id: f.id, ticketId, messageId, createdAt, storage: backend, storageKey: f.key, ...f.row })),
    select: { id: true, fileName: true, contentType: true, size: true },
  });
  return stored.map((a) => ({ ...a, contentType: a.contentType as AttachmentType }));
}

type Upload = { key: string; data: Uint8Array; row: Omit<ValidatedAttachment, "data"> };

async function uploadToS3(tx: Prisma.TransactionClient, uploads: readonly Upload[]): Promise<void> {
  const keys = uploads.map((u) => u.key);
  let s3;
  try {
    s3 = s3Store();
  } catch (error) {
    throw refused(error);
  }
  // Outside the caller's transaction, on purpose: it must survive that transaction's rollback.
  await bookkeepingDb().pendingObject.createMany({ data: keys.map((key) => ({ key })) });
  const results = await Promise.allSettled(uploads.map((u) => s3.put(u.key, u.data, u.row.sha256)));
  const failure = results.find((r) => r.status === "rejected");
  if (failure) {
    // Tidy now what can be tidied; whatever cannot (S3 still down) stays pending for the sweeper.
    const tidied = await Promise.allSettled(keys.map((key) => s3.delete(key)));
    const gone = keys.filter((_, i) => tidied[i]!.status === "fulfilled");
    await bookkeepingDb()
      .pendingObject.deleteMany({ where: { key: { in: gone } } })
      .catch(() => {});
    throw refused(failure.reason);
  }
  await tx.pendingObject.deleteMany({ where: { key: { in: keys } } });
}

function refused(cause: unknown): DomainError<"storageUnavailable"> {
  if (!(cause instanceof StorageUnavailableError)) throw cause;
  logger().error({ component: "storage" }, `[storage] upload refused: ${cause.message}`);
  return new DomainError("storageUnavailable");
}
