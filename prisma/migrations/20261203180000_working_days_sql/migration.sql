-- The end (local midnight) of the nth working day after the day an instant falls on, on a business
-- calendar: a working day is a weekday the calendar has opening hours for and no holiday. The
-- regulators' returns count in these days (FCA DISP 1: "by the end of the third business day
-- following the day on which it is received"), in SQL so a return is one statement.
CREATE FUNCTION tanggap_working_days_end(at timestamptz, n int, calendar uuid) RETURNS timestamptz
LANGUAGE plpgsql STABLE AS $$
DECLARE
  tz text;
  d date;
  remaining int := n;
  guard int := 0;
BEGIN
  SELECT c."timeZone" INTO tz FROM "BusinessCalendar" c WHERE c."id" = calendar;
  IF tz IS NULL THEN
    RAISE EXCEPTION 'business calendar % does not exist', calendar;
  END IF;
  d := (at AT TIME ZONE tz)::date;
  WHILE remaining > 0 LOOP
    d := d + 1;
    guard := guard + 1;
    IF guard > 3660 THEN
      RAISE EXCEPTION 'business calendar % has no working days', calendar;
    END IF;
    IF EXISTS (SELECT 1 FROM "BusinessHours" h WHERE h."calendarId" = calendar AND h."weekday" = extract(isodow FROM d))
       AND NOT EXISTS (SELECT 1 FROM "Holiday" x WHERE x."calendarId" = calendar AND x."date" = d) THEN
      remaining := remaining - 1;
    END IF;
  END LOOP;
  RETURN (d + 1)::timestamp AT TIME ZONE tz;
END $$;
