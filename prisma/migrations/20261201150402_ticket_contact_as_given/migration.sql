-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "contactName" TEXT,
ADD COLUMN     "contactPhone" TEXT;
