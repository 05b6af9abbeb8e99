-- The supervisor board's late part, written by hand: prisma/schema.prisma cannot state a partial index.
--
-- The board counts every open ticket past its at-risk point per group (stage, assignee or team) and
-- ranks them. Ticket_open_load_idx found them, but the grouping columns, the number and the safety
-- flags were read from each ticket's row: one heap page per late ticket, ~5k at 1M tickets, 57 ms on
-- average and up to 245 ms under load. This index holds exactly the running late-or-not open work,
-- keyed by the at-risk point (so the late ones are one range) and carrying every column the statement
-- reads, so the counts and the ranks come from an index-only scan. It holds the open tickets not
-- waiting on the customer, not the history.
CREATE INDEX "Ticket_open_late_idx" ON "Ticket" ("stageAtRiskAt")
  INCLUDE ("stage", "assigneeId", "teamId", "stageDueAt", "number", "safetyRisk", "severity", "id")
  WHERE "stage" <> 'CLOSED' AND "waitingOnCustomer" = false;
