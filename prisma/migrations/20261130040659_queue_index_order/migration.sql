-- DropIndex
DROP INDEX "Ticket_stageDueAt_idx";

-- DropIndex
DROP INDEX "Ticket_waitingOnCustomer_stageDueAt_idx";

-- CreateIndex
CREATE INDEX "Ticket_stageDueAt_number_assigneeId_idx" ON "Ticket"("stageDueAt", "number", "assigneeId");

-- CreateIndex
CREATE INDEX "Ticket_waitingOnCustomer_stageDueAt_number_stageAtRiskAt_idx" ON "Ticket"("waitingOnCustomer", "stageDueAt", "number", "stageAtRiskAt");
