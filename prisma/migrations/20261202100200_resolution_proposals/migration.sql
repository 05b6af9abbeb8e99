-- CreateEnum
CREATE TYPE "ProposedAmount" AS ENUM ('OPTION_DEFAULT', 'CLAIMED_AMOUNT');

-- CreateTable
CREATE TABLE "ResolutionProposal" (
    "id" UUID NOT NULL,
    "categoryId" UUID,
    "rootCause" "RootCause",
    "kind" "ResolutionKind" NOT NULL,
    "amountRule" "ProposedAmount",
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ResolutionProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ResolutionProposal_categoryId_idx" ON "ResolutionProposal"("categoryId");

-- AddForeignKey
ALTER TABLE "ResolutionProposal" ADD CONSTRAINT "ResolutionProposal_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE CASCADE ON UPDATE CASCADE;
