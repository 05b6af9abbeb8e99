-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "disputed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "escalationReason" TEXT,
ADD COLUMN     "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "Ticket_waitingOnCustomer_stageDueAt_idx" ON "Ticket"("waitingOnCustomer", "stageDueAt");

-- CreateIndex
CREATE INDEX "Ticket_searchVector_idx" ON "Ticket" USING GIN ("searchVector");

-- Full-text search over a ticket's subject, narrative and messages, in English and
-- Indonesian (stemmed) and unstemmed, so names, order numbers and either language match.
CREATE FUNCTION tanggap_search_document(document text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('english', coalesce(document, ''))
      || to_tsvector('indonesian', coalesce(document, ''))
      || to_tsvector('simple', coalesce(document, ''))
$$;

CREATE FUNCTION tanggap_ticket_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
       setweight(tanggap_search_document(NEW."subject"), 'A')
    || setweight(tanggap_search_document(NEW."narrative"), 'B')
    || coalesce((SELECT tanggap_search_document(string_agg("body", ' ')) FROM "Message" WHERE "ticketId" = NEW."id"), ''::tsvector);
  RETURN NEW;
END $$;

CREATE TRIGGER "Ticket_search" BEFORE INSERT OR UPDATE OF "subject", "narrative" ON "Ticket"
FOR EACH ROW EXECUTE FUNCTION tanggap_ticket_search();

CREATE FUNCTION tanggap_message_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Ticket" SET "searchVector" = coalesce("searchVector", ''::tsvector) || tanggap_search_document(NEW."body")
  WHERE "id" = NEW."ticketId";
  RETURN NULL;
END $$;

CREATE TRIGGER "Message_search" AFTER INSERT ON "Message"
FOR EACH ROW EXECUTE FUNCTION tanggap_message_search();

-- The audit trails are append-only: an event, once written, is never changed or removed.
CREATE FUNCTION tanggap_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: rows are never updated or deleted', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER "TicketEvent_append_only" BEFORE UPDATE OR DELETE ON "TicketEvent"
FOR EACH ROW EXECUTE FUNCTION tanggap_append_only();

CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
FOR EACH ROW EXECUTE FUNCTION tanggap_append_only();
