-- CreateEnum
CREATE TYPE "ApprovalSubject" AS ENUM ('RESOLUTION', 'LETTER');

-- DropForeignKey
ALTER TABLE "ApprovalRequest" DROP CONSTRAINT "ApprovalRequest_optionId_fkey";

-- AlterTable
ALTER TABLE "ApprovalRequest" ADD COLUMN     "letterContent" TEXT,
ADD COLUMN     "letterContentSha256" TEXT,
ADD COLUMN     "letterDraftedAt" TIMESTAMPTZ(3),
ADD COLUMN     "letterId" UUID,
ADD COLUMN     "letterKind" "LetterKind",
ADD COLUMN     "letterLocale" "Locale",
ADD COLUMN     "letterStatedDueAt" TIMESTAMPTZ(3),
ADD COLUMN     "letterSubject" TEXT,
ADD COLUMN     "subject" "ApprovalSubject" NOT NULL DEFAULT 'RESOLUTION',
ALTER COLUMN "optionId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "letterId" UUID;

-- AlterTable
ALTER TABLE "RegimeSetting" ADD COLUMN     "fourEyesRedressAbove" DECIMAL(12,2);

-- CreateIndex
CREATE UNIQUE INDEX "ApprovalRequest_letterId_key" ON "ApprovalRequest"("letterId");

-- AddForeignKey
ALTER TABLE "ApprovalRequest" ADD CONSTRAINT "ApprovalRequest_optionId_fkey" FOREIGN KEY ("optionId") REFERENCES "ResolutionOption"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalRequest" ADD CONSTRAINT "ApprovalRequest_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A resolution's approval names its option; a letter's approval carries the letter as drafted.
ALTER TABLE "ApprovalRequest" ADD CONSTRAINT "ApprovalRequest_subject_check" CHECK (
  ("subject" = 'RESOLUTION' AND "optionId" IS NOT NULL)
  OR ("subject" = 'LETTER' AND "letterKind" IS NOT NULL AND "letterContent" IS NOT NULL AND "letterContentSha256" IS NOT NULL)
);
