-- The supervisor board's regulatory section: open, unpaused regulated complaints past their warning
-- point, nearest deadline first, missed ones included. Written by hand (prisma/schema.prisma cannot
-- state a partial index). Without it the board read all 1M tickets in parallel (1.4–2.5 s of each
-- board at 1M, the board's whole regression since 2026-11-30): the sweep's two indexes leave out the
-- warned and the breached clocks, which are exactly the ones this list shows. It holds only the open
-- regulated complaints, in the list's order.
CREATE INDEX "Ticket_regulatory_board_idx" ON "Ticket" ("regulatoryDueAt", "regulatoryWarnAt")
  WHERE "stage" <> 'CLOSED' AND "regime" <> 'NONE' AND "regulatoryPausedAt" IS NULL;
