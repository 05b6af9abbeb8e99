-- The time-per-stage report takes four percentiles per stage from histograms of ~100–280 buckets.
-- report_histogram_percentile was SQL over unnest and a window, calling report_histogram_rank twice:
-- not inlinable, so PostgreSQL planned three statements per call, twenty calls a report — most of the
-- report's time (EXPLAIN ANALYZE at 50k, 30 days: 85 of 140 ms in the aggregate calling it).
-- The same arithmetic, in the same types, in one pass over the arrays (plpgsql keeps its plans);
-- report_histogram_rank stays as the reference the tests hold this equal to.
CREATE OR REPLACE FUNCTION report_histogram_percentile(buckets int[], counts numeric[], p numeric) RETURNS float8
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  len int := coalesce(array_length(buckets, 1), 0);
  n numeric := 0;
  at numeric;
  k_lo numeric;
  k_hi numeric;
  lo float8;
  hi float8;
  below numeric := 0;
  c numeric;
  b int;
BEGIN
  FOR i IN 1..len LOOP
    -- The reports pass the buckets in order; anything else is put in order first, as the window did.
    IF i > 1 AND buckets[i] < buckets[i - 1] THEN
      RETURN (SELECT report_histogram_percentile(array_agg(u.b ORDER BY u.b), array_agg(u.c ORDER BY u.b), p)
        FROM unnest(buckets, counts) AS u(b, c));
    END IF;
    IF counts[i] > 0 THEN n := n + counts[i]; END IF;
  END LOOP;
  IF n = 0 THEN RETURN NULL; END IF;
  at := p * (n - 1);
  IF at IS NULL THEN RETURN NULL; END IF;
  k_lo := floor(at);
  k_hi := ceil(at);
  FOR i IN 1..len LOOP
    c := counts[i];
    CONTINUE WHEN c IS NULL OR c <= 0;
    b := buckets[i];
    IF lo IS NULL AND k_lo >= below AND k_lo < below + c THEN
      lo := report_bucket_lower(b) + (report_bucket_upper(b) - report_bucket_lower(b)) * ((k_lo - below + 0.5) / c)::float8;
    END IF;
    IF k_hi >= below AND k_hi < below + c THEN
      hi := report_bucket_lower(b) + (report_bucket_upper(b) - report_bucket_lower(b)) * ((k_hi - below + 0.5) / c)::float8;
      RETURN lo + (hi - lo) * (at - floor(at))::float8;
    END IF;
    below := below + c;
  END LOOP;
  RETURN NULL;
END $$;

-- The backlog by age is a snapshot of the open tickets: their stage, age and the filters' columns.
-- Read from the Ticket_stage_stageDueAt index it cost one heap page per open ticket (783 pages for
-- 772 tickets at 50k, ~16k at 1M: 0.2 s). Holding those columns for the open tickets only, this
-- index is as small as the open work and answers the report by an index-only scan (29 pages at 50k),
-- as far as the heap's visibility map allows: pages of tickets changed since the last vacuum are read.
CREATE INDEX "Ticket_open_age_idx" ON "Ticket" ("stage", "createdAt") INCLUDE ("categoryId", "teamId", "assigneeId")
  WHERE "stage" <> 'CLOSED';
