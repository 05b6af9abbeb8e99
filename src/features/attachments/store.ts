import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { AttachmentType } from "@/domain/attachments";
import { DomainError } from "@/domain/errors";
import { validateAttachments } from "./validate";

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
 */
export async function storeAttachments(
  tx: Prisma.TransactionClient,
  { ticketId, messageId, files, createdAt }: { ticketId: string; messageId?: string; files: readonly File[]; createdAt?: Date },
): Promise<StoredAttachment[]> {
  if (files.length === 0) return [];
  const checked = await validateAttachments(files);
  if (!checked.ok) throw new DomainError("attachmentsRefused", { problems: checked.problems });
  const stored = await tx.attachment.createManyAndReturn({
    data: checked.attachments.map((a) => ({ ticketId, messageId, createdAt, ...a })),
    select: { id: true, fileName: true, contentType: true, size: true },
  });
  return stored.map((a) => ({ ...a, contentType: a.contentType as AttachmentType }));
}
