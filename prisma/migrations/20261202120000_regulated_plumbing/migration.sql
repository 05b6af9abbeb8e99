-- CreateEnum
CREATE TYPE "RegimeCode" AS ENUM ('NONE', 'OJK', 'BI', 'FCA', 'ASIC');

-- CreateEnum
CREATE TYPE "ComplaintOutcome" AS ENUM ('UPHELD', 'PARTLY_UPHELD', 'NOT_UPHELD');

-- CreateEnum
CREATE TYPE "RedressKind" AS ENUM ('REFUND', 'COMPENSATION', 'REPLACEMENT', 'REPAIR', 'FEE_WAIVED', 'INTEREST', 'OTHER');

-- CreateEnum
CREATE TYPE "ExternalBody" AS ENUM ('LAPS_SJK', 'OJK', 'BANK_INDONESIA', 'FOS', 'AFCA');

-- AlterTable
ALTER TABLE "Category" ADD COLUMN     "regime" "RegimeCode" NOT NULL DEFAULT 'NONE';

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "outcome" "ComplaintOutcome",
ADD COLUMN     "regime" "RegimeCode" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "regulatoryBreachedAt" TIMESTAMPTZ(3),
ADD COLUMN     "regulatoryDueAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "Redress" (
    "id" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "kind" "RedressKind" NOT NULL,
    "goodwill" BOOLEAN NOT NULL DEFAULT false,
    "amount" DECIMAL(12,2),
    "currency" TEXT NOT NULL DEFAULT 'IDR',
    "paidAt" TIMESTAMPTZ(3),
    "note" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Redress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExternalEscalation" (
    "id" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "body" "ExternalBody" NOT NULL,
    "reference" TEXT,
    "referredAt" DATE NOT NULL,
    "decidedAt" DATE,
    "outcome" TEXT,
    "note" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExternalEscalation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Redress_ticketId_idx" ON "Redress"("ticketId");

-- CreateIndex
CREATE INDEX "Redress_paidAt_idx" ON "Redress"("paidAt");

-- CreateIndex
CREATE INDEX "ExternalEscalation_ticketId_idx" ON "ExternalEscalation"("ticketId");

-- CreateIndex
CREATE INDEX "ExternalEscalation_referredAt_idx" ON "ExternalEscalation"("referredAt");

-- AddForeignKey
ALTER TABLE "Redress" ADD CONSTRAINT "Redress_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalEscalation" ADD CONSTRAINT "ExternalEscalation_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;
