-- Staff search reads a person's name from the complaint (Ticket.contactName, typed with it) rather
-- than by joining every customer whose name shares a word: a common given name matched ~29k customers
-- at 1M tickets and cost a second per search. Every complaint filed since the column came carries
-- the name; older ones take the one on their customer's record, the name they were filed under.
UPDATE "Ticket" t SET "contactName" = c."name"
FROM "Customer" c
WHERE t."customerId" = c."id" AND t."contactName" IS NULL;

DROP INDEX IF EXISTS "Customer_name_search_idx";
