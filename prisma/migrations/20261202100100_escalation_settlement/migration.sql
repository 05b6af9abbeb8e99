-- CreateEnum
CREATE TYPE "EscalationSource" AS ENUM ('AGENT', 'DISPUTE', 'SAFETY', 'BREACH');

-- CreateEnum
CREATE TYPE "SettlementDecision" AS ENUM ('PROCEED', 'FAVOUR_CUSTOMER', 'EXPLAIN_POSITION', 'MANAGER_FOLLOW_UP');

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "escalationSource" "EscalationSource",
ADD COLUMN     "settledAt" TIMESTAMPTZ(3),
ADD COLUMN     "settledById" UUID,
ADD COLUMN     "settlementDecision" "SettlementDecision",
ADD COLUMN     "settlementNote" TEXT;

-- CreateIndex
CREATE INDEX "Ticket_settledAt_escalatedAt_idx" ON "Ticket"("settledAt", "escalatedAt");

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_settledById_fkey" FOREIGN KEY ("settledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Escalations recorded before the source was kept: the breach policy's reason names itself.
UPDATE "Ticket" SET "escalationSource" = CASE WHEN "escalationReason" LIKE 'SLA breached in %' THEN 'BREACH'::"EscalationSource" ELSE 'AGENT'::"EscalationSource" END
WHERE "escalatedAt" IS NOT NULL;
