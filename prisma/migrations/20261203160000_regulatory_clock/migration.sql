-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('WEB', 'EMAIL', 'API', 'PHONE', 'IN_PERSON');

-- AlterTable
ALTER TABLE "BusinessCalendar" ADD COLUMN     "region" TEXT,
ADD COLUMN     "source" TEXT;

-- AlterTable
-- A holiday is named in both languages: the single name an admin typed becomes both, to be
-- translated on the calendar page.
ALTER TABLE "Holiday" ADD COLUMN     "nameEn" TEXT,
ADD COLUMN     "nameId" TEXT,
ADD COLUMN     "projected" BOOLEAN NOT NULL DEFAULT false;
UPDATE "Holiday" SET "nameEn" = "name", "nameId" = "name";
ALTER TABLE "Holiday" ALTER COLUMN "nameEn" SET NOT NULL,
ALTER COLUMN "nameId" SET NOT NULL,
DROP COLUMN "name";

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "channel" "Channel" NOT NULL DEFAULT 'WEB',
ADD COLUMN     "regulatoryExtensions" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "regulatoryPausedAt" TIMESTAMPTZ(3),
ADD COLUMN     "regulatoryWarnAt" TIMESTAMPTZ(3),
ADD COLUMN     "regulatoryWarnedAt" TIMESTAMPTZ(3);

-- How the tickets already filed came: by mail (they thread under a mail), through the API (their
-- idempotency key says so), else the web form.
UPDATE "Ticket" SET "channel" = 'EMAIL' WHERE "mailThreadId" IS NOT NULL;
UPDATE "Ticket" SET "channel" = 'API' WHERE "idempotencyKey" LIKE 'api:%';

-- CreateTable
CREATE TABLE "RegimeSetting" (
    "regime" "RegimeCode" NOT NULL,
    "warnBeforeDays" INTEGER,
    "acknowledgeDays" INTEGER,
    "countsFromComplete" BOOLEAN,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RegimeSetting_pkey" PRIMARY KEY ("regime")
);

-- CreateIndex
CREATE UNIQUE INDEX "BusinessCalendar_region_key" ON "BusinessCalendar"("region");

-- The SLA monitor's regulatory half (src/features/regulation/sweep.ts) reads running clocks whose
-- warning point or deadline has passed and is not yet recorded. Written by hand: partial indexes,
-- which prisma/schema.prisma cannot state; open, running clocks are a sliver of all tickets.
CREATE INDEX "Ticket_regulatory_due_idx" ON "Ticket" ("regulatoryDueAt")
  WHERE "regulatoryBreachedAt" IS NULL AND "regulatoryPausedAt" IS NULL AND "stage" <> 'CLOSED';
CREATE INDEX "Ticket_regulatory_warn_idx" ON "Ticket" ("regulatoryWarnAt")
  WHERE "regulatoryWarnedAt" IS NULL AND "regulatoryPausedAt" IS NULL AND "stage" <> 'CLOSED';
