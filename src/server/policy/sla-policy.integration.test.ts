import { beforeEach, describe, expect, it } from "vitest";
import { WEEKDAYS_8_TO_17 } from "@/domain/business-time";
import { loadRegionCalendar } from "@/features/regulation/regime-context";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { withStatementLog } from "../../../tests/support/statement-log";
import { loadSlaPolicy } from "./sla-policy";

// The policy is read in SQL (one statement per filing or stage change); it must be what Prisma's
// relation reads of the same rows give, holidays as the calendar dates stored.

/** The same rows as Prisma's relation reads give them (what loadSlaPolicy returned before it was one statement). */
async function throughRelations() {
  const db = testDb();
  const calendar = await db.businessCalendar.findFirst({
    where: { isDefault: true },
    select: {
      timeZone: true,
      hours: { select: { weekday: true, opensAt: true, closesAt: true } },
      holidays: { select: { date: true } },
    },
  });
  const targets = await db.slaTarget.findMany({
    select: { priority: true, stage: true, businessMinutes: true, atRiskPercent: true, category: { select: { code: true } } },
  });
  return {
    calendar: calendar && { ...calendar, holidays: calendar.holidays.map((h) => h.date.toISOString().slice(0, 10)) },
    rules: targets.map(({ category, ...t }) => ({ categoryCode: category?.code ?? null, ...t })),
  };
}

// Rows come in the table's order either way; compared as sets.
const key = (v: unknown) => JSON.stringify(v);
const sorted = <T>(rows: readonly T[]) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));

beforeEach(resetDatabase);

describe("loadSlaPolicy", () => {
  it("reads the default calendar and every target as the relation reads give them, in one statement", async () => {
    const db = testDb();
    const calendar = await db.businessCalendar.findFirstOrThrow({ where: { isDefault: true }, select: { id: true } });
    await db.businessHours.create({ data: { calendarId: calendar.id, weekday: 6, opensAt: 9 * 60, closesAt: 12 * 60 } });
    // The turn of the year, where a shift by a time zone would show.
    for (const date of ["2026-12-31", "2027-01-01"]) {
      await db.holiday.upsert({
        where: { calendarId_date: { calendarId: calendar.id, date: new Date(`${date}T00:00:00Z`) } },
        create: { calendarId: calendar.id, date: new Date(`${date}T00:00:00Z`), nameEn: "H", nameId: "H" },
        update: {},
      });
    }
    const category = await db.category.findFirstOrThrow({ where: { code: "PAYMENT_PROBLEM" }, select: { id: true } });
    await db.slaTarget.create({
      data: {
        calendarId: calendar.id,
        categoryId: category.id,
        priority: "URGENT",
        stage: "LISTEN",
        businessMinutes: 90,
        atRiskPercent: 60,
      },
    });

    // In a session far east of UTC: a date column must not move with it.
    const { result: policy, statements } = await withStatementLog((client) =>
      client.$transaction(async (tx) => {
        await tx.$executeRaw`SET LOCAL TIME ZONE 'Pacific/Kiritimati'`;
        return loadSlaPolicy(tx);
      }),
    );
    // The SET, the policy and the COMMIT.
    expect(statements.filter((s) => !/^(SET|COMMIT)\b/.test(s))).toHaveLength(1);

    const expected = await throughRelations();
    expect(policy.calendar.timeZone).toBe(expected.calendar?.timeZone);
    expect(sorted(policy.calendar.hours)).toEqual(sorted(expected.calendar?.hours ?? []));
    expect(sorted(policy.calendar.holidays)).toEqual(sorted(expected.calendar?.holidays ?? []));
    expect(policy.calendar.holidays).toEqual(expect.arrayContaining(["2026-12-31", "2027-01-01"]));
    expect(sorted(policy.rules)).toEqual(sorted(expected.rules));
    expect(policy.rules).toContainEqual({
      categoryCode: "PAYMENT_PROBLEM",
      priority: "URGENT",
      stage: "LISTEN",
      businessMinutes: 90,
      atRiskPercent: 60,
    });
  });

  it("counts on weekdays 8 to 17 in Jakarta when no calendar is the default, and on no target when there are none", async () => {
    const db = testDb();
    await db.businessCalendar.updateMany({ data: { isDefault: false } });
    await db.slaTarget.deleteMany({});
    expect(await loadSlaPolicy(db)).toEqual({ calendar: { timeZone: "Asia/Jakarta", hours: WEEKDAYS_8_TO_17, holidays: [] }, rules: [] });
  });

  it("reads a calendar without hours or holidays as empty lists, not nulls", async () => {
    const db = testDb();
    const calendar = await db.businessCalendar.findFirstOrThrow({ where: { isDefault: true }, select: { id: true } });
    await db.businessHours.deleteMany({ where: { calendarId: calendar.id } });
    await db.holiday.deleteMany({ where: { calendarId: calendar.id } });
    const { calendar: read } = await loadSlaPolicy(db);
    expect(read.hours).toEqual([]);
    expect(read.holidays).toEqual([]);
  });
});

describe("loadRegionCalendar", () => {
  it("reads a region's calendar as the relation reads give it, and null for a region nobody set up", async () => {
    const db = testDb();
    const row = await db.businessCalendar.findFirstOrThrow({
      where: { region: { not: null } },
      select: {
        region: true,
        timeZone: true,
        hours: { select: { weekday: true, opensAt: true, closesAt: true } },
        holidays: { select: { date: true } },
      },
    });
    const read = await loadRegionCalendar(db, row.region!);
    expect(read?.timeZone).toBe(row.timeZone);
    expect(sorted(read?.hours ?? [])).toEqual(sorted(row.hours));
    expect(sorted(read?.holidays ?? [])).toEqual(sorted(row.holidays.map((h) => h.date.toISOString().slice(0, 10))));
    expect(read?.holidays.length).toBeGreaterThan(0);
    expect(await loadRegionCalendar(db, "XX")).toBeNull();
  });
});
