-- CreateIndex
CREATE INDEX "SlaTimer_startedAt_stage_dueAt_fulfilledAt_breachedAt_pause_idx" ON "SlaTimer"("startedAt", "stage", "dueAt", "fulfilledAt", "breachedAt", "pausedAt");

-- CreateIndex
CREATE INDEX "Ticket_ratedAt_categoryId_rating_wouldTrustAgain_idx" ON "Ticket"("ratedAt", "categoryId", "rating", "wouldTrustAgain");

-- CreateIndex
CREATE INDEX "Ticket_closedAt_idx" ON "Ticket"("closedAt");
