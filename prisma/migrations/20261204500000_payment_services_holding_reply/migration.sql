-- AlterEnum
ALTER TYPE "LetterKind" ADD VALUE 'HOLDING_REPLY';

-- AlterTable
ALTER TABLE "Category" ADD COLUMN     "paymentServices" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "paymentServices" BOOLEAN NOT NULL DEFAULT false;
