-- CreateTable
CREATE TABLE "report_daily" (
    "byAgent" BOOLEAN NOT NULL,
    "agentId" UUID NOT NULL,
    "fact" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "categoryId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "k1" TEXT NOT NULL,
    "k2" TEXT NOT NULL,
    "shard" SMALLINT NOT NULL,
    "label" TEXT,
    "n1" BIGINT NOT NULL DEFAULT 0,
    "n2" BIGINT NOT NULL DEFAULT 0,
    "n3" BIGINT NOT NULL DEFAULT 0,
    "n4" BIGINT NOT NULL DEFAULT 0,
    "amount" DECIMAL(20,2) NOT NULL DEFAULT 0,
    "lastAt" TIMESTAMPTZ(3),

    CONSTRAINT "report_daily_pkey" PRIMARY KEY ("byAgent","agentId","fact","day","categoryId","teamId","k1","k2","shard")
);

-- The rollups are kept by triggers: each change to a ticket or a stage clock takes away what the old
-- row contributed and adds what the new one does, in the same transaction. The UPDATE triggers name
-- only the columns the reports read and compare them in WHEN, so the frequent writes that touch
-- nothing reported (version claims, "updatedAt", search vectors, mail status) never call a function.

CREATE FUNCTION report_day(ts timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (ts AT TIME ZONE 'Asia/Jakarta')::date $$;

-- Adds one fact at both grains (every assignee; today's assignee). sign is +1 or -1.
CREATE FUNCTION report_daily_bump(p_fact text, p_day date, p_category uuid, p_team uuid, p_agent uuid, p_k1 text, p_k2 text,
  p_label text, p_sign int, p_n1 bigint, p_n2 bigint, p_n3 bigint, p_n4 bigint, p_amount numeric, p_last timestamptz)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  zero constant uuid := '00000000-0000-0000-0000-000000000000';
  -- A preventive action's row keeps the latest moment exactly (see report_daily_action_last), so it has one shard.
  v_shard smallint := CASE WHEN p_fact = 'action' THEN 0 ELSE pg_backend_pid() % 8 END;
  grain boolean;
BEGIN
  FOREACH grain IN ARRAY ARRAY[false, true] LOOP
    INSERT INTO report_daily AS r ("byAgent", "agentId", fact, day, "categoryId", "teamId", k1, k2, shard, label, n1, n2, n3, n4, amount, "lastAt")
    VALUES (grain, CASE WHEN grain THEN coalesce(p_agent, zero) ELSE zero END, p_fact, p_day, p_category, coalesce(p_team, zero),
      p_k1, p_k2, v_shard, p_label, p_sign * p_n1, p_sign * p_n2, p_sign * p_n3, p_sign * p_n4, p_sign * p_amount,
      CASE WHEN p_sign > 0 THEN p_last END)
    ON CONFLICT ("byAgent", "agentId", fact, day, "categoryId", "teamId", k1, k2, shard) DO UPDATE SET
      n1 = r.n1 + EXCLUDED.n1, n2 = r.n2 + EXCLUDED.n2, n3 = r.n3 + EXCLUDED.n3, n4 = r.n4 + EXCLUDED.n4,
      amount = r.amount + EXCLUDED.amount,
      "lastAt" = CASE WHEN p_sign > 0 THEN greatest(r."lastAt", EXCLUDED."lastAt") ELSE r."lastAt" END;
    IF p_fact = 'action' AND p_sign < 0 THEN
      -- A maximum cannot be taken away: recount it from the tickets of that day and key.
      UPDATE report_daily r SET "lastAt" = (
        SELECT max(coalesce(t."closedAt", t."updatedAt")) FROM "Ticket" t
        WHERE t."createdAt" >= (p_day::timestamp AT TIME ZONE 'Asia/Jakarta') AND t."createdAt" < ((p_day + 1)::timestamp AT TIME ZONE 'Asia/Jakarta')
          AND t."mergedIntoId" IS NULL AND t."categoryId" = p_category AND coalesce(t."teamId", zero) = coalesce(p_team, zero)
          AND (NOT grain OR coalesce(t."assigneeId", zero) = coalesce(p_agent, zero))
          AND t."rootCause"::text = p_k1 AND btrim(t."preventiveAction") <> '' AND md5(btrim(t."preventiveAction")) = p_k2)
      WHERE r."byAgent" = grain AND r."agentId" = CASE WHEN grain THEN coalesce(p_agent, zero) ELSE zero END AND r.fact = 'action'
        AND r.day = p_day AND r."categoryId" = p_category AND r."teamId" = coalesce(p_team, zero) AND r.k1 = p_k1 AND r.k2 = p_k2 AND r.shard = 0;
    END IF;
  END LOOP;
END $$;

-- What a ticket row contributes by itself (rating, closing, root cause, preventive action).
CREATE FUNCTION report_daily_ticket(t "Ticket", p_sign int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF t."mergedIntoId" IS NOT NULL THEN RETURN; END IF;
  IF t."rating" IS NOT NULL AND t."ratedAt" IS NOT NULL THEN
    PERFORM report_daily_bump('rated', report_day(t."ratedAt"), t."categoryId", t."teamId", t."assigneeId", '', '', NULL, p_sign,
      1, t."rating", (t."wouldTrustAgain" IS NOT NULL)::int, (t."wouldTrustAgain" IS TRUE)::int, 0, NULL);
  END IF;
  IF t."stage" = 'CLOSED' AND t."closedAt" IS NOT NULL THEN
    PERFORM report_daily_bump('closed', report_day(t."closedAt"), t."categoryId", t."teamId", t."assigneeId",
      coalesce(t."resolutionOptionId"::text, ''), t."currency", NULL, p_sign,
      1, (t."resolutionAmount" IS NOT NULL)::int, 0, 0, coalesce(t."resolutionAmount", 0), NULL);
  END IF;
  IF t."rootCause" IS NOT NULL THEN
    PERFORM report_daily_bump('created', report_day(t."createdAt"), t."categoryId", t."teamId", t."assigneeId", t."rootCause"::text, '', NULL, p_sign,
      1, 0, 0, 0, 0, NULL);
    IF btrim(t."preventiveAction") <> '' THEN
      PERFORM report_daily_bump('action', report_day(t."createdAt"), t."categoryId", t."teamId", t."assigneeId", t."rootCause"::text,
        md5(btrim(t."preventiveAction")), btrim(t."preventiveAction"), p_sign, 1, 0, 0, 0, 0, coalesce(t."closedAt", t."updatedAt"));
    END IF;
  END IF;
END $$;

-- What a stage clock contributes, under its ticket's dimensions.
CREATE FUNCTION report_daily_timer(st "SlaTimer", t "Ticket", p_sign int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF t."id" IS NULL OR t."mergedIntoId" IS NOT NULL THEN RETURN; END IF;
  PERFORM report_daily_bump('sla', report_day(st."startedAt"), t."categoryId", t."teamId", t."assigneeId", st."stage"::text, '', NULL, p_sign,
    1,
    (st."fulfilledAt" IS NOT NULL AND st."fulfilledAt" <= st."dueAt" AND st."breachedAt" IS NULL)::int,
    (st."breachedAt" IS NOT NULL OR coalesce(st."fulfilledAt" > st."dueAt", false))::int,
    (st."fulfilledAt" IS NOT NULL)::int, 0, NULL);
END $$;

CREATE FUNCTION report_daily_ticket_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE st "SlaTimer";
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM report_daily_ticket(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM report_daily_ticket(NEW, 1); END IF;
  -- The clocks are counted under their ticket's category, team and assignee, and not at all once merged.
  IF TG_OP = 'UPDATE' AND (OLD."categoryId", OLD."teamId", OLD."assigneeId", OLD."mergedIntoId")
      IS DISTINCT FROM (NEW."categoryId", NEW."teamId", NEW."assigneeId", NEW."mergedIntoId") THEN
    FOR st IN SELECT * FROM "SlaTimer" WHERE "ticketId" = NEW."id" LOOP
      PERFORM report_daily_timer(st, OLD, -1);
      PERFORM report_daily_timer(st, NEW, 1);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION report_daily_timer_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE t "Ticket";
BEGIN
  SELECT * INTO t FROM "Ticket" WHERE "id" = coalesce(NEW."ticketId", OLD."ticketId");
  -- The common change (a clock fulfilled or breached) stays on its row: one upsert of the difference.
  IF TG_OP = 'UPDATE' AND OLD."ticketId" = NEW."ticketId" AND OLD."stage" = NEW."stage"
      AND report_day(OLD."startedAt") = report_day(NEW."startedAt") THEN
    IF t."id" IS NOT NULL AND t."mergedIntoId" IS NULL THEN
      PERFORM report_daily_bump('sla', report_day(NEW."startedAt"), t."categoryId", t."teamId", t."assigneeId", NEW."stage"::text, '', NULL, 1,
        0,
        (NEW."fulfilledAt" IS NOT NULL AND NEW."fulfilledAt" <= NEW."dueAt" AND NEW."breachedAt" IS NULL)::int
          - (OLD."fulfilledAt" IS NOT NULL AND OLD."fulfilledAt" <= OLD."dueAt" AND OLD."breachedAt" IS NULL)::int,
        (NEW."breachedAt" IS NOT NULL OR coalesce(NEW."fulfilledAt" > NEW."dueAt", false))::int
          - (OLD."breachedAt" IS NOT NULL OR coalesce(OLD."fulfilledAt" > OLD."dueAt", false))::int,
        (NEW."fulfilledAt" IS NOT NULL)::int - (OLD."fulfilledAt" IS NOT NULL)::int, 0, NULL);
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF TG_OP = 'UPDATE' AND OLD."ticketId" <> NEW."ticketId" THEN
      PERFORM report_daily_timer(OLD, (SELECT x FROM "Ticket" x WHERE x."id" = OLD."ticketId"), -1);
    ELSE
      PERFORM report_daily_timer(OLD, t, -1);
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM report_daily_timer(NEW, t, 1); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER report_daily_ticket_insert AFTER INSERT OR DELETE ON "Ticket"
  FOR EACH ROW EXECUTE FUNCTION report_daily_ticket_changed();
CREATE TRIGGER report_daily_ticket_update
  AFTER UPDATE OF "categoryId", "teamId", "assigneeId", "mergedIntoId", "rating", "ratedAt", "wouldTrustAgain", "stage", "closedAt",
    "resolutionOptionId", "currency", "resolutionAmount", "rootCause", "createdAt", "preventiveAction", "updatedAt" ON "Ticket"
  FOR EACH ROW WHEN (
    (OLD."categoryId", OLD."teamId", OLD."assigneeId", OLD."mergedIntoId", OLD."rating", OLD."ratedAt", OLD."wouldTrustAgain",
      OLD."closedAt", OLD."resolutionOptionId", OLD."currency", OLD."resolutionAmount", OLD."rootCause", OLD."createdAt", OLD."preventiveAction")
    IS DISTINCT FROM
    (NEW."categoryId", NEW."teamId", NEW."assigneeId", NEW."mergedIntoId", NEW."rating", NEW."ratedAt", NEW."wouldTrustAgain",
      NEW."closedAt", NEW."resolutionOptionId", NEW."currency", NEW."resolutionAmount", NEW."rootCause", NEW."createdAt", NEW."preventiveAction")
    -- The stage matters only into or out of CLOSED (what the closed fact reads)...
    OR ((OLD."stage" = 'CLOSED') IS DISTINCT FROM (NEW."stage" = 'CLOSED'))
    -- ...and "updatedAt" only as the moment of a preventive action on a ticket not closed.
    OR (OLD."updatedAt" IS DISTINCT FROM NEW."updatedAt" AND NEW."closedAt" IS NULL AND btrim(NEW."preventiveAction") <> '' AND NEW."rootCause" IS NOT NULL))
  EXECUTE FUNCTION report_daily_ticket_changed();

CREATE TRIGGER report_daily_timer_insert AFTER INSERT OR DELETE ON "SlaTimer"
  FOR EACH ROW EXECUTE FUNCTION report_daily_timer_changed();
CREATE TRIGGER report_daily_timer_update
  AFTER UPDATE OF "ticketId", "stage", "startedAt", "dueAt", "fulfilledAt", "breachedAt" ON "SlaTimer"
  FOR EACH ROW WHEN ((OLD."ticketId", OLD."stage", OLD."startedAt", OLD."dueAt", OLD."fulfilledAt", OLD."breachedAt")
    IS DISTINCT FROM (NEW."ticketId", NEW."stage", NEW."startedAt", NEW."dueAt", NEW."fulfilledAt", NEW."breachedAt"))
  EXECUTE FUNCTION report_daily_timer_changed();

-- Rebuilds every rollup from the tickets and clocks in one statement per table: run here, and by the
-- property test after truncating, to show the backfill and the triggers agree.
CREATE FUNCTION report_daily_backfill() RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_daily;
  INSERT INTO report_daily ("byAgent", "agentId", fact, day, "categoryId", "teamId", k1, k2, shard, label, n1, n2, n3, n4, amount, "lastAt")
  SELECT g."byAgent", CASE WHEN g."byAgent" THEN f.agent ELSE '00000000-0000-0000-0000-000000000000'::uuid END,
    f.fact, f.day, f.category, f.team, f.k1, f.k2, 0, max(f.label), sum(f.n1), sum(f.n2), sum(f.n3), sum(f.n4), sum(f.amount), max(f.last)
  FROM (
    SELECT 'rated' AS fact, report_day(t."ratedAt") AS day, t."categoryId" AS category, coalesce(t."teamId", '00000000-0000-0000-0000-000000000000') AS team,
      coalesce(t."assigneeId", '00000000-0000-0000-0000-000000000000') AS agent, '' AS k1, '' AS k2, NULL::text AS label,
      1 AS n1, t."rating" AS n2, (t."wouldTrustAgain" IS NOT NULL)::int AS n3, (t."wouldTrustAgain" IS TRUE)::int AS n4, 0::numeric AS amount, NULL::timestamptz AS last
    FROM "Ticket" t WHERE t."mergedIntoId" IS NULL AND t."rating" IS NOT NULL AND t."ratedAt" IS NOT NULL
    UNION ALL
    SELECT 'closed', report_day(t."closedAt"), t."categoryId", coalesce(t."teamId", '00000000-0000-0000-0000-000000000000'),
      coalesce(t."assigneeId", '00000000-0000-0000-0000-000000000000'), coalesce(t."resolutionOptionId"::text, ''), t."currency", NULL,
      1, (t."resolutionAmount" IS NOT NULL)::int, 0, 0, coalesce(t."resolutionAmount", 0), NULL
    FROM "Ticket" t WHERE t."mergedIntoId" IS NULL AND t."stage" = 'CLOSED' AND t."closedAt" IS NOT NULL
    UNION ALL
    SELECT 'created', report_day(t."createdAt"), t."categoryId", coalesce(t."teamId", '00000000-0000-0000-0000-000000000000'),
      coalesce(t."assigneeId", '00000000-0000-0000-0000-000000000000'), t."rootCause"::text, '', NULL, 1, 0, 0, 0, 0, NULL
    FROM "Ticket" t WHERE t."mergedIntoId" IS NULL AND t."rootCause" IS NOT NULL
    UNION ALL
    SELECT 'action', report_day(t."createdAt"), t."categoryId", coalesce(t."teamId", '00000000-0000-0000-0000-000000000000'),
      coalesce(t."assigneeId", '00000000-0000-0000-0000-000000000000'), t."rootCause"::text, md5(btrim(t."preventiveAction")), btrim(t."preventiveAction"),
      1, 0, 0, 0, 0, coalesce(t."closedAt", t."updatedAt")
    FROM "Ticket" t WHERE t."mergedIntoId" IS NULL AND t."rootCause" IS NOT NULL AND btrim(t."preventiveAction") <> ''
    UNION ALL
    SELECT 'sla', report_day(st."startedAt"), t."categoryId", coalesce(t."teamId", '00000000-0000-0000-0000-000000000000'),
      coalesce(t."assigneeId", '00000000-0000-0000-0000-000000000000'), st."stage"::text, '', NULL,
      1, (st."fulfilledAt" IS NOT NULL AND st."fulfilledAt" <= st."dueAt" AND st."breachedAt" IS NULL)::int,
      (st."breachedAt" IS NOT NULL OR coalesce(st."fulfilledAt" > st."dueAt", false))::int, (st."fulfilledAt" IS NOT NULL)::int, 0, NULL
    FROM "SlaTimer" st JOIN "Ticket" t ON t."id" = st."ticketId" WHERE t."mergedIntoId" IS NULL
  ) f
  CROSS JOIN (VALUES (false), (true)) g("byAgent")
  GROUP BY g."byAgent", CASE WHEN g."byAgent" THEN f.agent ELSE '00000000-0000-0000-0000-000000000000'::uuid END, f.fact, f.day, f.category, f.team, f.k1, f.k2;
$$;

SELECT report_daily_backfill();
ANALYZE report_daily;

-- Only the clocks still running are read directly (for those past their deadline now); the rest come from the rollups.
CREATE INDEX "SlaTimer_running_dueAt_idx" ON "SlaTimer" ("dueAt") WHERE "fulfilledAt" IS NULL AND "breachedAt" IS NULL AND "pausedAt" IS NULL;
