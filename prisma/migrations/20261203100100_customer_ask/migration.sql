-- CreateEnum
CREATE TYPE "CustomerAsk" AS ENUM ('REFUND', 'EXCHANGE', 'REPAIR', 'EXPLANATION', 'APOLOGY', 'OTHER');

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "customerAsk" "CustomerAsk";

-- AlterTable
ALTER TABLE "ResolutionProposal" ADD COLUMN "ask" "CustomerAsk";
