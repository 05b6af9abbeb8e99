-- CreateEnum
CREATE TYPE "LetterKind" AS ENUM ('ACKNOWLEDGEMENT', 'EXTENSION', 'SUMMARY_RESOLUTION', 'FINAL_RESPONSE');

-- CreateTable
CREATE TABLE "Letter" (
    "id" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "kind" "LetterKind" NOT NULL,
    "locale" "Locale" NOT NULL,
    "subject" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "pdf" BYTEA NOT NULL,
    "contentSha256" TEXT NOT NULL,
    "pdfSha256" TEXT NOT NULL,
    "statedDueAt" TIMESTAMPTZ(3),
    "sentById" UUID NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Letter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Letter_ticketId_sentAt_idx" ON "Letter"("ticketId", "sentAt");

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A letter, once sent, is what the customer received: never changed or removed (the same
-- append-only guard as the ticket's events and the audit log).
CREATE TRIGGER "Letter_append_only" BEFORE UPDATE OR DELETE ON "Letter"
FOR EACH ROW EXECUTE FUNCTION tanggap_append_only();
