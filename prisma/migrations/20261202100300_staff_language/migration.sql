-- Notices keep a message key and language-free values, rendered in the reader's language when read.
-- Rows written before keep their text (title, body) and are shown as they were.
ALTER TABLE "Notification" ADD COLUMN "messageKey" TEXT,
ADD COLUMN "messageParams" JSONB;

-- Teams are named in both languages. The name an admin gave stays the English one and is copied to
-- the Indonesian one until an admin writes it.
ALTER TABLE "Team" RENAME COLUMN "name" TO "nameEn";
ALTER INDEX "Team_name_key" RENAME TO "Team_nameEn_key";
ALTER TABLE "Team" ADD COLUMN "nameId" TEXT;
UPDATE "Team" SET "nameId" = "nameEn";
ALTER TABLE "Team" ALTER COLUMN "nameId" SET NOT NULL;
