-- Attachment bytes move out of the Attachment row into a store addressed by key
-- (src/server/storage): AttachmentBlob in PostgreSQL, or an S3 bucket when S3_URL is set.

-- CreateEnum
CREATE TYPE "AttachmentStorage" AS ENUM ('POSTGRES', 'S3');

-- CreateTable
CREATE TABLE "AttachmentBlob" (
    "key" TEXT NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "AttachmentBlob_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "PendingObject" (
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingObject_pkey" PRIMARY KEY ("key")
);

-- Existing files keep their bytes: each moves to a blob under the key its row now names.
ALTER TABLE "Attachment"
ADD COLUMN     "storage" "AttachmentStorage" NOT NULL DEFAULT 'POSTGRES',
ADD COLUMN     "storageKey" TEXT;

UPDATE "Attachment" SET "storageKey" = 'attachments/' || "id";
INSERT INTO "AttachmentBlob" ("key", "data") SELECT "storageKey", "data" FROM "Attachment";

ALTER TABLE "Attachment" ALTER COLUMN "storageKey" SET NOT NULL, DROP COLUMN "data";

-- CreateIndex
CREATE INDEX "PendingObject_createdAt_idx" ON "PendingObject"("createdAt");

-- CreateIndex
CREATE INDEX "Attachment_storage_idx" ON "Attachment"("storage");
