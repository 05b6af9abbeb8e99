import { Prisma } from "@/generated/prisma/client";

/**
 * One business calendar as the domain counts on it (BusinessCalendar: zone, opening hours, holidays
 * as yyyy-MM-dd), built by PostgreSQL as one JSON value: a scalar subquery to place in a SELECT, so a
 * calendar costs no statement of its own. Prisma reads the same through three (the calendar, then
 * its hours, then its holidays) with relation joins off. Null when no calendar matches `where`
 * (a condition on the alias `c`).
 *
 * to_char, not ::text, for the dates: a holiday is a calendar date (@db.Date), written exactly as
 * stored whatever the session's DateStyle or time zone.
 */
export function calendarJson(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT json_build_object(
      'timeZone', c."timeZone",
      'hours', coalesce((
        SELECT json_agg(json_build_object('weekday', h."weekday", 'opensAt', h."opensAt", 'closesAt', h."closesAt"))
        FROM "BusinessHours" h WHERE h."calendarId" = c."id"), '[]'::json),
      'holidays', coalesce((
        SELECT json_agg(to_char(d."date", 'YYYY-MM-DD')) FROM "Holiday" d WHERE d."calendarId" = c."id"), '[]'::json))
    FROM "BusinessCalendar" c WHERE ${where} LIMIT 1)`;
}
