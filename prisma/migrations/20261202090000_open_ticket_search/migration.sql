-- Full-text and name indexes over open tickets only. Written by hand: partial indexes, which
-- prisma/schema.prisma cannot state.
--
-- Open tickets are a few thousand of a million; a common word matches one ticket in twelve. The
-- queue searches open tickets only, and the staff search reads open tickets first (see
-- src/features/search/search-sql.ts): with these, neither reads the closed history's matches to
-- throw them away. Closed tickets are read by when they closed (the closedAt index), newest first.
CREATE INDEX "Ticket_open_searchVector_idx" ON "Ticket" USING GIN ("searchVector") WHERE "stage" <> 'CLOSED';
CREATE INDEX "Ticket_open_contactName_idx" ON "Ticket" USING GIN (to_tsvector('simple'::regconfig, coalesce("contactName", ''))) WHERE "stage" <> 'CLOSED';
