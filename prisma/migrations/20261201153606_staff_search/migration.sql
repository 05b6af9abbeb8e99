-- The staff search's exact keys. Written by hand: these are expression indexes, which
-- prisma/schema.prisma cannot state (so `npm run db:migration` has nothing to diff), and which
-- Prisma's introspection leaves alone.

-- A phone number as digits, with Indonesia's country code read as the trunk 0, so "+62 811-2345"
-- and "0811 2345" are one key. Null when there are no digits.
CREATE FUNCTION tanggap_phone_key(phone text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT nullif(regexp_replace(regexp_replace(phone, '\D', '', 'g'), '^620?', '0'), '')
$$;

-- An order number as customers type it, without case, spaces or punctuation: "ORD-778812",
-- "ord 778812" and "ORD778812" are one key.
CREATE FUNCTION tanggap_order_key(order_number text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT nullif(lower(regexp_replace(order_number, '[^[:alnum:]]', '', 'g')), '')
$$;

CREATE INDEX "Ticket_contactPhone_key_idx" ON "Ticket" (tanggap_phone_key("contactPhone"));
CREATE INDEX "Customer_phone_key_idx" ON "Customer" (tanggap_phone_key("phone"));
CREATE INDEX "Ticket_orderNumber_key_idx" ON "Ticket" (tanggap_order_key("orderNumber"));

-- Names are words, not keys: "Siti" finds "Siti Rahma". Unstemmed ('simple'), as names are.
CREATE INDEX "Customer_name_search_idx" ON "Customer" USING GIN (to_tsvector('simple'::regconfig, "name"));
CREATE INDEX "Ticket_contactName_search_idx" ON "Ticket" USING GIN (to_tsvector('simple'::regconfig, coalesce("contactName", '')));
