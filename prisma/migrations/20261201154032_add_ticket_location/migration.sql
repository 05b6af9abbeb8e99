-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "location" TEXT;
