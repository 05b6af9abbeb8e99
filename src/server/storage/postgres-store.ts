import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "../db/create-client";
import type { BlobStore } from "./blob-store";

/**
 * Bytes in the AttachmentBlob table. Given a transaction client, its writes belong to that
 * transaction: an attachment row and its bytes commit or roll back together.
 */
export function postgresBlobStore(client: Db | Prisma.TransactionClient): BlobStore {
  return {
    backend: "POSTGRES",
    async put(key, data) {
      const bytes = data as Uint8Array<ArrayBuffer>;
      await client.attachmentBlob.upsert({ where: { key }, create: { key, data: bytes }, update: { data: bytes } });
    },
    async get(key) {
      const found = await client.attachmentBlob.findUnique({ where: { key }, select: { data: true } });
      return found?.data ?? null;
    },
    async delete(key) {
      await client.attachmentBlob.deleteMany({ where: { key } });
    },
  };
}
