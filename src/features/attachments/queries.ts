import "server-only";
import { isAttachmentType, type AttachmentType } from "@/domain/attachments";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db/prisma";
import { sha256Hex, StorageIntegrityError } from "@/server/storage/blob-store";
import { storeFor } from "@/server/storage/stores";
import { hashTrackingToken, isWellFormedTrackingToken } from "@/server/tracking-token";

export interface AttachmentSummary {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  /** Null for the files sent with the complaint itself. */
  messageId: string | null;
  createdAt: Date;
}

export interface AttachmentDownload {
  fileName: string;
  contentType: AttachmentType;
  data: Uint8Array;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Files sent together share a time; then by name, so the order does not change between views.
const ORDER: Prisma.AttachmentOrderByWithRelationInput[] = [{ createdAt: "asc" }, { fileName: "asc" }, { id: "asc" }];

const SUMMARY = { id: true, fileName: true, contentType: true, size: true, messageId: true, createdAt: true } as const;

// What the holder of a tracking link may see: the complaint's files and those of public
// messages, never a file on an internal note.
const VISIBLE_TO_CUSTOMER: Prisma.AttachmentWhereInput = { OR: [{ messageId: null }, { message: { visibility: "PUBLIC" } }] };

/** Every file of a ticket, for staff, oldest first. */
export async function listTicketAttachments(ticketId: string): Promise<AttachmentSummary[]> {
  if (!UUID.test(ticketId)) return [];
  return db().attachment.findMany({ where: { ticketId }, orderBy: ORDER, select: SUMMARY });
}

/** The files the holder of this tracking link may download, oldest first; none for an unknown token. */
export async function listAttachmentsByTrackingToken(token: string): Promise<AttachmentSummary[]> {
  if (!isWellFormedTrackingToken(token)) return [];
  return db().attachment.findMany({
    where: { ticket: { trackingTokenHash: hashTrackingToken(token) }, ...VISIBLE_TO_CUSTOMER },
    orderBy: ORDER,
    select: SUMMARY,
  });
}

export type DownloadAccess = { kind: "token"; token: string } | { kind: "staff" };

/**
 * One file with its bytes, when `access` may have it: a tracking token opens only its own
 * ticket's files; staff (checked by the caller) open any. Null for everything else, alike.
 */
export async function findAttachmentForDownload(id: string, access: DownloadAccess): Promise<AttachmentDownload | null> {
  if (!UUID.test(id)) return null;
  let where: Prisma.AttachmentWhereInput = { id };
  if (access.kind === "token") {
    if (!isWellFormedTrackingToken(access.token)) return null;
    where = { id, ticket: { trackingTokenHash: hashTrackingToken(access.token) }, ...VISIBLE_TO_CUSTOMER };
  }
  const found = await db().attachment.findFirst({
    where,
    select: { fileName: true, contentType: true, storage: true, storageKey: true, sha256: true },
  });
  // Only types we sniffed are ever stored; anything else is not served as itself.
  if (!found || !isAttachmentType(found.contentType)) return null;
  return { fileName: found.fileName, contentType: found.contentType, data: await readAttachmentBytes(found) };
}

/**
 * An attachment's bytes from the store its row names, checked against the row's SHA-256.
 * Throws StorageUnavailableError when the store does not answer, and StorageIntegrityError when the
 * bytes are missing or not the ones stored.
 */
export async function readAttachmentBytes(row: { storage: "POSTGRES" | "S3"; storageKey: string; sha256: string }): Promise<Uint8Array> {
  const data = await storeFor(row.storage).get(row.storageKey);
  if (!data || sha256Hex(data) !== row.sha256) throw new StorageIntegrityError(row.storageKey);
  return data;
}
