-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "dedupeKey" TEXT,
ADD COLUMN     "html" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'notice';

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "trackingTokenSealed" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_ticketId_idx" ON "OutboxMessage"("ticketId");
