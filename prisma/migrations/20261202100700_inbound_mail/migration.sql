-- CreateEnum
CREATE TYPE "InboundMailStatus" AS ENUM ('CLAIMED', 'IMPORTED', 'IGNORED', 'QUARANTINED');

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "mailThreadId" TEXT,
ADD COLUMN     "needsTriage" BOOLEAN NOT NULL DEFAULT false,
ALTER COLUMN "desiredOutcome" DROP NOT NULL;

-- CreateTable
CREATE TABLE "InboundMailbox" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "port" INTEGER NOT NULL,
    "tls" BOOLEAN NOT NULL DEFAULT true,
    "username" TEXT NOT NULL,
    "secretSealed" TEXT NOT NULL,
    "folder" TEXT NOT NULL DEFAULT 'INBOX',
    "address" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastPollAt" TIMESTAMPTZ(3),
    "lastSuccessAt" TIMESTAMPTZ(3),
    "lastError" TEXT,

    CONSTRAINT "InboundMailbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboundMail" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "mailboxId" UUID,
    "uidValidity" BIGINT,
    "uid" BIGINT,
    "status" "InboundMailStatus" NOT NULL DEFAULT 'CLAIMED',
    "claimToken" UUID,
    "claimedUntil" TIMESTAMPTZ(3),
    "sender" TEXT,
    "subject" TEXT,
    "messageId" TEXT,
    "reason" TEXT,
    "detail" TEXT,
    "raw" BYTEA,
    "size" INTEGER,
    "ticketId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "InboundMail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "InboundMail_key_key" ON "InboundMail"("key");

-- CreateIndex
CREATE INDEX "InboundMail_status_createdAt_idx" ON "InboundMail"("status", "createdAt");

-- CreateIndex
CREATE INDEX "InboundMail_messageId_idx" ON "InboundMail"("messageId");

-- CreateIndex
CREATE INDEX "InboundMail_ticketId_idx" ON "InboundMail"("ticketId");

-- CreateIndex
CREATE UNIQUE INDEX "InboundMail_mailboxId_uidValidity_uid_key" ON "InboundMail"("mailboxId", "uidValidity", "uid");

-- AddForeignKey
ALTER TABLE "InboundMailbox" ADD CONSTRAINT "InboundMailbox_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InboundMail" ADD CONSTRAINT "InboundMail_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "InboundMailbox"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InboundMail" ADD CONSTRAINT "InboundMail_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;
