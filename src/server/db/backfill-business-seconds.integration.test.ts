import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { fulfilledBusinessSeconds } from "@/domain/reports/business-durations";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import { loadSlaPolicy } from "@/server/policy/sla-policy";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { backfillBusinessSeconds } from "./backfill-business-seconds";

// The backfill works business time out in SQL from the calendar's opening intervals; it must write
// exactly what the write path's fulfilledBusinessSeconds writes, across weekends, holidays,
// daylight-saving changes and paused time.

const input = complaintSchema().parse({
  name: "Budi Santoso",
  email: "budi@example.co.id",
  category: "PAYMENT_PROBLEM",
  narrative: "I was charged twice for the same order at the store yesterday.",
  desiredOutcome: "Refund of the second charge",
});

let ticketId: string;
beforeAll(async () => {
  await resetDatabase();
  const db = testDb();
  // London, for its daylight-saving changes, with a holiday inside the range.
  const calendar = await db.businessCalendar.findFirstOrThrow({ where: { isDefault: true }, select: { id: true } });
  await db.businessCalendar.update({ where: { id: calendar.id }, data: { timeZone: "Europe/London" } });
  await db.holiday.deleteMany({ where: { calendarId: calendar.id } });
  await db.holiday.create({
    data: { calendarId: calendar.id, date: new Date("2026-04-03"), nameEn: "Good Friday", nameId: "Jumat Agung" },
  });
  await fileComplaint(input, "en");
  ({ id: ticketId } = await db.ticket.findFirstOrThrow({ select: { id: true } }));
});

const moment = fc.integer({ min: Date.parse("2026-03-01T00:00:00Z"), max: Date.parse("2026-11-30T00:00:00Z") });
const clock = fc.record({
  startedAt: moment,
  // Up to three weeks, to the millisecond.
  runMs: fc.integer({ min: 0, max: 21 * 86_400_000 }),
  pausedMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3_000 })),
});

describe("backfillBusinessSeconds", () => {
  it("writes what the write path writes, for any clocks", async () => {
    const db = testDb();
    const { calendar } = await loadSlaPolicy(db);
    await fc.assert(
      fc.asyncProperty(fc.array(clock, { minLength: 1, maxLength: 40 }), async (clocks) => {
        await db.slaTimer.deleteMany({});
        await db.slaTimer.createMany({
          data: clocks.map((c) => ({
            ticketId,
            stage: "LISTEN" as const,
            startedAt: new Date(c.startedAt),
            dueAt: new Date(c.startedAt),
            atRiskAt: new Date(c.startedAt),
            businessMinutes: 240,
            fulfilledAt: new Date(c.startedAt + c.runMs),
            pausedMinutes: c.pausedMinutes,
          })),
        });
        expect(await backfillBusinessSeconds(db)).toBe(clocks.length);
        const written = await db.slaTimer.findMany({
          select: { startedAt: true, fulfilledAt: true, pausedMinutes: true, businessSeconds: true },
        });
        for (const row of written) {
          expect(row.businessSeconds).toBe(fulfilledBusinessSeconds(row.startedAt, row.fulfilledAt!, row.pausedMinutes, calendar));
        }
        // Nothing left to do: a second run writes nothing.
        expect(await backfillBusinessSeconds(db)).toBe(0);
      }),
      { numRuns: 25 },
    );
  });

  it("leaves running clocks alone", async () => {
    const db = testDb();
    await db.slaTimer.deleteMany({});
    const startedAt = new Date("2026-06-01T09:00:00Z");
    await db.slaTimer.create({
      data: { ticketId, stage: "LISTEN", startedAt, dueAt: startedAt, atRiskAt: startedAt, businessMinutes: 240 },
    });
    expect(await backfillBusinessSeconds(db)).toBe(0);
    expect((await db.slaTimer.findFirstOrThrow({ select: { businessSeconds: true } })).businessSeconds).toBeNull();
  });
});
