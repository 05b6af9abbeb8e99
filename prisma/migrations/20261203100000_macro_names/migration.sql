-- A macro is named in both languages; each existing name becomes both until an admin translates it.
ALTER TABLE "Macro" ADD COLUMN "nameEn" TEXT, ADD COLUMN "nameId" TEXT;
UPDATE "Macro" SET "nameEn" = "name", "nameId" = "name";
ALTER TABLE "Macro" ALTER COLUMN "nameEn" SET NOT NULL, ALTER COLUMN "nameId" SET NOT NULL;

-- DropIndex
DROP INDEX "Macro_teamId_name_key";

-- AlterTable
ALTER TABLE "Macro" DROP COLUMN "name";

-- CreateIndex
CREATE UNIQUE INDEX "Macro_teamId_nameEn_key" ON "Macro"("teamId", "nameEn");

-- CreateIndex
CREATE UNIQUE INDEX "Macro_teamId_nameId_key" ON "Macro"("teamId", "nameId");
