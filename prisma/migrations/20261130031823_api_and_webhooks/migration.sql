-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "webhookEndpointId" UUID;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "idempotencyKey" TEXT;

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "events" TEXT[],
    "secretSealed" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMPTZ(3),

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboxMessage_webhookEndpointId_createdAt_idx" ON "OutboxMessage"("webhookEndpointId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_idempotencyKey_key" ON "Ticket"("idempotencyKey");

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_webhookEndpointId_fkey" FOREIGN KEY ("webhookEndpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Webhooks: every ticket event of a kind an active endpoint subscribes to becomes a delivery in the
-- outbox, inside the transaction that wrote the event. A trigger rather than a call in each writer,
-- because events are written from several places (the protocol, the customer's side, the SLA
-- monitor's set-based INSERT, the complaint form) and none of them may forget. The mapping from
-- internal event types to public names is src/domain/webhooks.ts; a test keeps the two equal.
CREATE FUNCTION tanggap_webhook_event_name(internal text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE internal
    WHEN 'ticket.filed' THEN 'ticket.created'
    WHEN 'stage.changed' THEN 'ticket.stage_changed'
    WHEN 'ticket.reopened' THEN 'ticket.stage_changed'
    WHEN 'message.sent' THEN 'ticket.message_added'
    WHEN 'note.added' THEN 'ticket.message_added'
    WHEN 'customer.replied' THEN 'ticket.message_added'
    WHEN 'ticket.assigned' THEN 'ticket.assigned'
    WHEN 'ticket.escalated' THEN 'ticket.escalated'
    WHEN 'sla.at_risk' THEN 'ticket.at_risk'
    WHEN 'sla.breached' THEN 'ticket.breached'
    WHEN 'customer.rated' THEN 'ticket.rated'
  END
$$;

CREATE FUNCTION tanggap_webhook_fanout() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  public_name text := tanggap_webhook_event_name(NEW.type);
  ticket_number int;
  payload jsonb;
BEGIN
  IF public_name IS NULL THEN RETURN NULL; END IF;
  IF NOT EXISTS (SELECT 1 FROM "WebhookEndpoint" WHERE active AND public_name = ANY(events)) THEN RETURN NULL; END IF;
  SELECT number INTO ticket_number FROM "Ticket" WHERE id = NEW."ticketId";
  -- Built once from the append-only event, so every retry sends the same body.
  payload := jsonb_build_object(
    'id', 'evt_' || NEW.id,
    'type', public_name,
    'createdAt', to_char(NEW."createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'ticket', jsonb_build_object('reference', 'TGP-' || lpad(ticket_number::text, greatest(6, length(ticket_number::text)), '0')),
    'data', jsonb_build_object('event', NEW.type, 'actor', NEW."actorType", 'before', NEW.before, 'after', NEW.after)
  );
  INSERT INTO "OutboxMessage" (id, channel, kind, recipient, subject, body, "dedupeKey", "ticketId", "webhookEndpointId")
  SELECT gen_random_uuid(), 'webhook', public_name, e.url, public_name, payload::text,
         'webhook:' || e.id || ':' || NEW.id, NEW."ticketId", e.id
  FROM "WebhookEndpoint" e
  WHERE e.active AND public_name = ANY(e.events)
  ON CONFLICT ("dedupeKey") DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER "TicketEvent_webhooks" AFTER INSERT ON "TicketEvent"
FOR EACH ROW EXECUTE FUNCTION tanggap_webhook_fanout();
