import { beforeAll, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { parseCsv } from "@/domain/reports/csv";
import { rangeOf } from "@/domain/reports/date-range";
import { plainValue, REPORT_IDS, tableRecords, type ReportId } from "@/domain/reports/table";
import { csvResponse } from "./csv-export";
import { loadReportTable, reportText, reportWindow } from "./load-report";
import { backfillBusinessSeconds } from "@/server/db/backfill-business-seconds";
import { loadSlaPolicy } from "@/server/policy/sla-policy";
import { businessDurationsByStage } from "@/domain/reports/business-durations";
import { readReport } from "./queries";
import type { ReportFilter } from "./report-sql";

// A small, fully known world, and every figure of every report computed by hand from it.
//
// Times are Jakarta wall-clock (UTC+7). The range is 11–20 November 2026, both days included:
// [2026-11-11 00:00 +07, 2026-11-21 00:00 +07) = [2026-11-10T17:00Z, 2026-11-20T17:00Z), 10 days.
// The previous period is 1–10 November: [2026-11-01 00:00 +07, 2026-11-11 00:00 +07).
// "Now" is Tuesday 2026-11-24 10:00 +07.
const jkt = (local: string) => new Date(`${local.replace(" ", "T")}:00+07:00`);
const NOW = jkt("2026-11-24 10:00");
const RANGE = rangeOf("2026-11-11", "2026-11-20", "2026-11-24");
const WINDOW = reportWindow(RANGE, NOW);

type Code = "PRODUCT_RETURN" | "SERVICE_PROBLEM" | "PAYMENT_PROBLEM" | "OTHER";
type Kind = "REFUND" | "EXPLANATION_ONLY" | "GOODWILL_GIFT" | "APOLOGY_ONLY" | "FULL_REFUND";
type Stage = "NEW" | "LISTEN" | "UNDERSTAND" | "RESOLVE" | "APOLOGISE" | "CLOSED";

interface TimerSpec {
  stage: Exclude<Stage, "CLOSED">;
  start: string;
  due: string;
  fulfilled?: string;
  breached?: string;
  paused?: string;
}

interface TicketSpec {
  name: string;
  category: Code;
  stage: Stage;
  created: string;
  agent?: "A" | "B";
  closed?: string;
  rootCause?: "OUR_ERROR" | "THIRD_PARTY" | "CUSTOMER_MISUNDERSTANDING" | "UNDETERMINED";
  action?: string;
  resolution?: Kind;
  amount?: string;
  currency?: string;
  rating?: number;
  trust?: boolean | null;
  rated?: string;
  timers?: TimerSpec[];
}

// Only T1–T5 carry stage clocks; the other tickets exist for the ticket-level reports, and a
// clock of theirs would only add rows outside the range.
const TICKETS: TicketSpec[] = [
  {
    name: "T1",
    category: "PRODUCT_RETURN",
    stage: "CLOSED",
    created: "2026-11-11 06:00",
    agent: "A",
    closed: "2026-11-14 13:00",
    rootCause: "OUR_ERROR",
    action: "Check blender stock before dispatch",
    resolution: "REFUND",
    amount: "450000",
    rating: 4,
    trust: true,
    rated: "2026-11-15 10:00",
    timers: [
      // 06:00 +07 is still 10 November in UTC: it counts because days are Jakarta days.
      { stage: "NEW", start: "2026-11-11 06:00", due: "2026-11-11 10:00", fulfilled: "2026-11-11 08:00" }, // met, 2 h
      { stage: "LISTEN", start: "2026-11-11 08:00", due: "2026-11-12 08:00", fulfilled: "2026-11-12 14:00" }, // breached: done after the deadline (no breach recorded), 30 h
      { stage: "UNDERSTAND", start: "2026-11-12 14:00", due: "2026-11-13 14:00", fulfilled: "2026-11-13 12:00" }, // met, 22 h
      { stage: "RESOLVE", start: "2026-11-13 12:00", due: "2026-11-18 12:00", fulfilled: "2026-11-14 12:00" }, // met, 24 h
      { stage: "APOLOGISE", start: "2026-11-14 12:00", due: "2026-11-14 16:00", fulfilled: "2026-11-14 13:00" }, // met, 1 h
    ],
  },
  {
    name: "T2",
    category: "SERVICE_PROBLEM",
    stage: "UNDERSTAND",
    created: "2026-11-15 09:00",
    agent: "B",
    rootCause: "CUSTOMER_MISUNDERSTANDING",
    timers: [
      { stage: "NEW", start: "2026-11-15 09:00", due: "2026-11-15 13:00", fulfilled: "2026-11-15 13:00" }, // met: exactly at the deadline, 4 h
      { stage: "LISTEN", start: "2026-11-15 13:00", due: "2026-11-16 13:00", fulfilled: "2026-11-16 12:00", breached: "2026-11-16 11:00" }, // breached: recorded, though done in time, 23 h
      { stage: "UNDERSTAND", start: "2026-11-16 12:00", due: "2026-11-17 12:00" }, // breached: running, not paused, past due now
    ],
  },
  {
    name: "T3",
    category: "PAYMENT_PROBLEM",
    stage: "LISTEN",
    created: "2026-11-20 23:59",
    agent: "A",
    timers: [
      { stage: "NEW", start: "2026-11-20 23:59", due: "2026-11-21 03:59", fulfilled: "2026-11-21 01:00" }, // the range's last minute: met, 61 min
      { stage: "LISTEN", start: "2026-11-21 01:00", due: "2026-11-25 10:00" }, // after the range: not counted
    ],
  },
  {
    name: "T4",
    category: "OTHER",
    stage: "LISTEN",
    created: "2026-11-10 23:00",
    timers: [
      { stage: "NEW", start: "2026-11-10 23:00", due: "2026-11-11 03:00", fulfilled: "2026-11-11 01:00" }, // before the range: not counted
      { stage: "LISTEN", start: "2026-11-11 01:00", due: "2026-11-30 10:00", paused: "2026-11-12 09:00" }, // running (paused)
    ],
  },
  {
    name: "T5",
    category: "PRODUCT_RETURN",
    stage: "LISTEN",
    created: "2026-11-18 10:00",
    agent: "B",
    timers: [
      { stage: "NEW", start: "2026-11-18 10:00", due: "2026-11-18 14:00", fulfilled: "2026-11-18 10:30" }, // met, 0.5 h
      { stage: "LISTEN", start: "2026-11-18 10:30", due: "2026-11-19 10:30", paused: "2026-11-19 09:00" }, // running: paused before its deadline, which resuming moves
    ],
  },
  { name: "T6", category: "PAYMENT_PROBLEM", stage: "NEW", created: "2026-11-24 09:00" },
  // Filed exactly one day before now: 1–3 days.
  {
    name: "T7",
    category: "OTHER",
    stage: "RESOLVE",
    created: "2026-11-23 10:00",
    agent: "A",
    rootCause: "OUR_ERROR",
    resolution: "FULL_REFUND",
    amount: "999999",
  },
  { name: "T8", category: "PRODUCT_RETURN", stage: "APOLOGISE", created: "2026-09-01 10:00", agent: "A" },
  // Filed exactly thirty days before now: 30 days or more.
  { name: "T9", category: "SERVICE_PROBLEM", stage: "NEW", created: "2026-10-25 10:00" },
  {
    name: "T10",
    category: "PRODUCT_RETURN",
    stage: "CLOSED",
    created: "2026-11-12 09:00",
    closed: "2026-11-15 09:00",
    agent: "B",
    // The same action as T1's once trimmed: listed once.
    rootCause: "OUR_ERROR",
    action: "  Check blender stock before dispatch ",
    resolution: "REFUND",
    amount: "125000.50",
    rating: 2,
    trust: false,
    rated: "2026-11-16 10:00",
  },
  {
    name: "T11",
    category: "SERVICE_PROBLEM",
    stage: "CLOSED",
    created: "2026-11-13 09:00",
    closed: "2026-11-19 09:00",
    agent: "A",
    rootCause: "THIRD_PARTY",
    action: "Brief the courier on calling ahead",
    resolution: "GOODWILL_GIFT",
    amount: "75000",
    rating: 5,
    trust: null,
    rated: "2026-11-20 23:30",
  },
  {
    name: "T12",
    category: "PAYMENT_PROBLEM",
    stage: "CLOSED",
    created: "2026-11-14 09:00",
    closed: "2026-11-20 09:00",
    agent: "A",
    // Rated at the very end of the range, which is outside it.
    rootCause: "OUR_ERROR",
    action: "Reconcile EDC terminals daily",
    resolution: "REFUND",
    amount: "20",
    currency: "USD",
    rating: 3,
    trust: true,
    rated: "2026-11-21 00:00",
  },
  {
    name: "T13",
    category: "SERVICE_PROBLEM",
    stage: "CLOSED",
    created: "2026-11-05 09:00",
    closed: "2026-11-09 09:00",
    agent: "B",
    // Rated in the last minute before the range.
    rootCause: "THIRD_PARTY",
    action: "Courier contract review",
    resolution: "GOODWILL_GIFT",
    amount: "75000",
    rating: 1,
    trust: true,
    rated: "2026-11-10 23:59",
  },
  {
    name: "T14",
    category: "SERVICE_PROBLEM",
    stage: "CLOSED",
    created: "2026-11-11 01:00",
    closed: "2026-11-11 15:00",
    agent: "B",
    rootCause: "THIRD_PARTY",
    action: "   ",
    resolution: "EXPLANATION_ONLY",
    rating: 3,
    trust: null,
    rated: "2026-11-12 10:00",
  },
  {
    name: "T15",
    category: "PAYMENT_PROBLEM",
    stage: "CLOSED",
    created: "2026-11-16 09:00",
    closed: "2026-11-18 09:00",
    agent: "A",
    rootCause: "OUR_ERROR",
    action: "Reconcile EDC terminals daily",
    resolution: "APOLOGY_ONLY",
    rating: 4,
    trust: true,
    rated: "2026-11-19 10:00",
  },
  // Closed without a recorded resolution (data from before the gate, say).
  { name: "T16", category: "OTHER", stage: "CLOSED", created: "2026-11-12 09:00", closed: "2026-11-13 09:00", rootCause: "UNDETERMINED" },
  {
    name: "T17",
    category: "PRODUCT_RETURN",
    stage: "CLOSED",
    created: "2026-11-03 09:00",
    closed: "2026-11-06 09:00",
    rootCause: "OUR_ERROR",
    action: "Train packers on fragile items",
    resolution: "REFUND",
    amount: "1000000",
  },
  {
    name: "T18",
    category: "PRODUCT_RETURN",
    stage: "CLOSED",
    created: "2026-11-04 09:00",
    closed: "2026-11-07 09:00",
    rootCause: "OUR_ERROR",
    action: "Add QC photo before sealing",
    resolution: "REFUND",
    amount: "1000000",
  },
  // Closed in the evening before the range: previous period, and not in the compensation.
  {
    name: "T19",
    category: "PRODUCT_RETURN",
    stage: "CLOSED",
    created: "2026-11-08 09:00",
    closed: "2026-11-10 18:00",
    rootCause: "OUR_ERROR",
    action: "Train packers on fragile items",
    resolution: "REFUND",
    amount: "1000000",
  },
  {
    name: "T20",
    category: "PAYMENT_PROBLEM",
    stage: "CLOSED",
    created: "2026-11-02 09:00",
    closed: "2026-11-03 09:00",
    rootCause: "CUSTOMER_MISUNDERSTANDING",
    action: "Clarify instalment terms on the brochure",
    resolution: "EXPLANATION_ONLY",
  },
  // One minute before the previous period: in neither.
  {
    name: "T21",
    category: "PRODUCT_RETURN",
    stage: "CLOSED",
    created: "2026-10-31 23:59",
    closed: "2026-11-01 09:00",
    rootCause: "OUR_ERROR",
    action: "Should never be listed",
  },
  // Filed at the end of the range, which is outside it.
  { name: "T22", category: "PRODUCT_RETURN", stage: "RESOLVE", created: "2026-11-21 00:00", agent: "B", rootCause: "OUR_ERROR" },
  // The first minute of the previous period; its action is the oldest of four, one too many to list.
  {
    name: "T23",
    category: "PRODUCT_RETURN",
    stage: "CLOSED",
    created: "2026-11-01 00:00",
    closed: "2026-11-02 09:00",
    rootCause: "OUR_ERROR",
    action: "Double-check address labels",
  },
];

interface World {
  teams: Record<string, string>;
  agents: Record<"A" | "B", string>;
}

async function buildWorld(): Promise<World> {
  const db = testDb();
  await resetDatabase();
  const categories = await db.category.findMany({
    select: { id: true, code: true, teamId: true, options: { select: { id: true, kind: true } } },
  });
  const teams = Object.fromEntries((await db.team.findMany({ select: { id: true, nameEn: true } })).map((t) => [t.nameEn, t.id]));
  const [a, b] = await Promise.all(
    [
      ["ayu@tanggap.test", "Ayu"],
      ["budi@tanggap.test", "Budi"],
    ].map(([email, name]) => db.user.create({ data: { email: email!, name: name!, passwordHash: "x" }, select: { id: true } })),
  );
  const customer = await db.customer.create({ data: { email: "siti@contoh.id", name: "Siti" }, select: { id: true } });
  const agents = { A: a!.id, B: b!.id };
  for (const spec of TICKETS) {
    const category = categories.find((c) => c.code === spec.category)!;
    const option = spec.resolution ? category.options.find((o) => o.kind === spec.resolution) : undefined;
    if (spec.resolution && !option) throw new Error(`${spec.name}: ${spec.category} has no ${spec.resolution}`);
    const ticket = await db.ticket.create({
      data: {
        trackingTokenHash: `hash-${spec.name}`,
        customerId: customer.id,
        categoryId: category.id,
        teamId: category.teamId,
        assigneeId: spec.agent ? agents[spec.agent] : null,
        stage: spec.stage,
        subject: spec.name,
        narrative: `Complaint ${spec.name}`,
        desiredOutcome: "A fair outcome",
        acknowledgeBy: jkt(spec.created),
        createdAt: jkt(spec.created),
        closedAt: spec.closed ? jkt(spec.closed) : null,
        rootCause: spec.rootCause ?? null,
        preventiveAction: spec.action ?? null,
        resolutionOptionId: option?.id ?? null,
        resolutionAmount: spec.amount ?? null,
        currency: spec.currency ?? "IDR",
        rating: spec.rating ?? null,
        wouldTrustAgain: spec.trust ?? null,
        ratedAt: spec.rated ? jkt(spec.rated) : null,
      },
      select: { id: true },
    });
    for (const timer of spec.timers ?? []) {
      await db.slaTimer.create({
        data: {
          ticketId: ticket.id,
          stage: timer.stage,
          startedAt: jkt(timer.start),
          dueAt: jkt(timer.due),
          atRiskAt: jkt(timer.due),
          businessMinutes: 240,
          fulfilledAt: timer.fulfilled ? jkt(timer.fulfilled) : null,
          breachedAt: timer.breached ? jkt(timer.breached) : null,
          pausedAt: timer.paused ? jkt(timer.paused) : null,
        },
      });
    }
  }
  // The clocks are inserted already fulfilled, as a bulk load is: their business time comes from the
  // same backfill the migrate step runs.
  await backfillBusinessSeconds(db);
  return { teams, agents };
}

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

const read = <K extends ReportId>(id: K, filter: ReportFilter = {}) => readReport(id, filter, WINDOW);

describe("SLA compliance per stage", () => {
  it("counts clocks started in the range as met, breached or still running, and % met of the decided ones", async () => {
    expect(await read("sla")).toEqual([
      // NEW: T1 2 h, T2 exactly at its deadline, T3 in the range's last minute, T5 — all met. T4's started before the range.
      { stage: "NEW", started: 4, met: 4, breached: 0, running: 0, metPercent: 100 },
      // LISTEN: T1 done after its deadline, T2 breach recorded → breached; T4 and T5 paused → running. T3's started after the range.
      // 0 / (0 + 2) = 0 %.
      { stage: "LISTEN", started: 4, met: 0, breached: 2, running: 2, metPercent: 0 },
      // UNDERSTAND: T1 met; T2 running unpaused past its deadline → breached. 1 / 2 = 50 %.
      { stage: "UNDERSTAND", started: 2, met: 1, breached: 1, running: 0, metPercent: 50 },
      { stage: "RESOLVE", started: 1, met: 1, breached: 0, running: 0, metPercent: 100 },
      { stage: "APOLOGISE", started: 1, met: 1, breached: 0, running: 0, metPercent: 100 },
      // 4 + 4 + 2 + 1 + 1 = 12 started; met 4 + 0 + 1 + 1 + 1 = 7; breached 0 + 2 + 1 = 3; running 2. 7 / (7 + 3) = 70 %.
      { stage: null, started: 12, met: 7, breached: 3, running: 2, metPercent: 70 },
    ]);
  });

  it("narrows to a team through the clocks' tickets", async () => {
    // Returns: T1 and T5 (both product returns). NEW 2 met; LISTEN T1 breached, T5 running; T1's other three met.
    // Total 7 started, 5 met, 1 breached, 1 running: 5 / 6 = 83.33… → 83.3 %.
    expect(await read("sla", { teamId: world.teams.Returns })).toEqual([
      { stage: "NEW", started: 2, met: 2, breached: 0, running: 0, metPercent: 100 },
      { stage: "LISTEN", started: 2, met: 0, breached: 1, running: 1, metPercent: 0 },
      { stage: "UNDERSTAND", started: 1, met: 1, breached: 0, running: 0, metPercent: 100 },
      { stage: "RESOLVE", started: 1, met: 1, breached: 0, running: 0, metPercent: 100 },
      { stage: "APOLOGISE", started: 1, met: 1, breached: 0, running: 0, metPercent: 100 },
      { stage: null, started: 7, met: 5, breached: 1, running: 1, metPercent: 83.3 },
    ]);
  });

  it("shows every stage, with no percentage where nothing was decided", async () => {
    // OTHER: only T4, whose NEW clock started before the range and whose LISTEN clock is paused.
    expect(await read("sla", { category: "OTHER" })).toEqual([
      { stage: "NEW", started: 0, met: 0, breached: 0, running: 0, metPercent: null },
      { stage: "LISTEN", started: 1, met: 0, breached: 0, running: 1, metPercent: null },
      { stage: "UNDERSTAND", started: 0, met: 0, breached: 0, running: 0, metPercent: null },
      { stage: "RESOLVE", started: 0, met: 0, breached: 0, running: 0, metPercent: null },
      { stage: "APOLOGISE", started: 0, met: 0, breached: 0, running: 0, metPercent: null },
      { stage: null, started: 1, met: 0, breached: 0, running: 1, metPercent: null },
    ]);
  });
});

/** Both to 0.1 h: within 5 % of the exact value, give or take the rounding of each. */
function expectWithinFivePercent(hours: number | null, exactHours: number | null) {
  expect(hours === null).toBe(exactHours === null);
  if (hours !== null && exactHours !== null) expect(Math.abs(hours - exactHours)).toBeLessThanOrEqual(0.05 * exactHours + 0.1 + 1e-9);
}

// Median and 90th percentile of wall-clock hours per stage, NEW to APOLOGISE, as the histograms give them.
const HISTOGRAM_FIGURES: [number | null, number | null][] = [
  [1.5, 3.4],
  [26.6, 29.2],
  [22.3, 22.3],
  [24.5, 24.5],
  [1, 1],
];

describe("time per stage", () => {
  it("gives the median and 90th percentile of wall-clock hours of the completed clocks started in the range", async () => {
    const rows = await read("time");
    // Business time (worked out in src/domain/reports/business-durations.test.ts) never exceeds the
    // wall-clock, and is there for every stage with a completed clock.
    for (const r of rows) {
      expect(r.businessMedianHours === null).toBe(r.fulfilled === 0);
      expect(r.businessMedianHours ?? 0).toBeLessThanOrEqual(r.medianHours ?? 0);
      expect(r.businessP90Hours ?? 0).toBeLessThanOrEqual(r.p90Hours ?? 0);
    }
    // The stored business seconds give what the calendar's arithmetic gives over the same clocks.
    const timers = await testDb().slaTimer.findMany({
      where: { startedAt: { gte: WINDOW.start, lt: WINDOW.end }, fulfilledAt: { not: null }, ticket: { mergedIntoId: null } },
      select: { stage: true, startedAt: true, fulfilledAt: true, pausedMinutes: true },
    });
    const expected = businessDurationsByStage(
      timers.map((t) => ({ ...t, fulfilledAt: t.fulfilledAt! })),
      (await loadSlaPolicy(testDb())).calendar,
    );
    for (const r of rows) {
      const stats = expected.get(r.stage) ?? { medianHours: null, p90Hours: null };
      expectWithinFivePercent(r.businessMedianHours, stats.medianHours);
      expectWithinFivePercent(r.businessP90Hours, stats.p90Hours);
    }
    // The exact percentiles (percentile_cont over the clocks), which the report's, read from
    // histograms, approach within 5 %.
    const exact = [
      // NEW, sorted: 0.5 (T5), 1.01667 (T3, 61 min), 2 (T1), 4 (T2).
      // Median at position (4 − 1) × 0.5 = 1.5: (1.01667 + 2) / 2 = 1.50833 → 1.5.
      // 90th at position (4 − 1) × 0.9 = 2.7: 2 + 0.7 × (4 − 2) = 3.4.
      { stage: "NEW", fulfilled: 4, medianHours: 1.5, p90Hours: 3.4 },
      // LISTEN: 23 (T2), 30 (T1). Median (23 + 30) / 2 = 26.5; 90th at 0.9: 23 + 0.9 × 7 = 29.3.
      { stage: "LISTEN", fulfilled: 2, medianHours: 26.5, p90Hours: 29.3 },
      { stage: "UNDERSTAND", fulfilled: 1, medianHours: 22, p90Hours: 22 },
      { stage: "RESOLVE", fulfilled: 1, medianHours: 24, p90Hours: 24 },
      { stage: "APOLOGISE", fulfilled: 1, medianHours: 1, p90Hours: 1 },
    ];
    expect(rows.map((r) => [r.stage, r.fulfilled])).toEqual(exact.map((r) => [r.stage, r.fulfilled]));
    rows.forEach((r, i) => {
      expectWithinFivePercent(r.medianHours, exact[i]!.medianHours);
      expectWithinFivePercent(r.p90Hours, exact[i]!.p90Hours);
    });
    // And what the histograms give, kept so that a change to the buckets shows here.
    expect(rows.map((r) => [r.medianHours, r.p90Hours])).toEqual(HISTOGRAM_FIGURES);
  });
});

describe("backlog by age", () => {
  it("buckets open tickets by the days since filing, now, per stage", async () => {
    // Ages at now (24 Nov 10:00): T6 1 h; T7 exactly 1 day; T22 3 d 10 h; T3 3 d 10 h 1 min; T5 6 d;
    // T2 9 d 1 h; T4 13 d 11 h; T9 exactly 30 days; T8 84 days. Closed tickets are not backlog.
    expect(await read("backlog")).toEqual([
      { stage: "NEW", under1: 1, from1to3: 0, from3to7: 0, from7to30: 0, over30: 1, total: 2 }, // T6, T9
      { stage: "LISTEN", under1: 0, from1to3: 0, from3to7: 2, from7to30: 1, over30: 0, total: 3 }, // T3, T5; T4
      { stage: "UNDERSTAND", under1: 0, from1to3: 0, from3to7: 0, from7to30: 1, over30: 0, total: 1 }, // T2
      { stage: "RESOLVE", under1: 0, from1to3: 1, from3to7: 1, from7to30: 0, over30: 0, total: 2 }, // T7; T22
      { stage: "APOLOGISE", under1: 0, from1to3: 0, from3to7: 0, from7to30: 0, over30: 1, total: 1 }, // T8
      { stage: null, under1: 1, from1to3: 1, from3to7: 3, from7to30: 2, over30: 2, total: 9 },
    ]);
  });

  it("narrows to an agent's open tickets", async () => {
    // Ayu's open tickets: T3 (LISTEN, 3–7), T7 (RESOLVE, 1–3), T8 (APOLOGISE, 30+).
    expect(await read("backlog", { agentId: world.agents.A })).toEqual([
      { stage: "NEW", under1: 0, from1to3: 0, from3to7: 0, from7to30: 0, over30: 0, total: 0 },
      { stage: "LISTEN", under1: 0, from1to3: 0, from3to7: 1, from7to30: 0, over30: 0, total: 1 },
      { stage: "UNDERSTAND", under1: 0, from1to3: 0, from3to7: 0, from7to30: 0, over30: 0, total: 0 },
      { stage: "RESOLVE", under1: 0, from1to3: 1, from3to7: 0, from7to30: 0, over30: 0, total: 1 },
      { stage: "APOLOGISE", under1: 0, from1to3: 0, from3to7: 0, from7to30: 0, over30: 1, total: 1 },
      { stage: null, under1: 0, from1to3: 1, from3to7: 1, from7to30: 0, over30: 1, total: 3 },
    ]);
  });
});

describe("satisfaction", () => {
  it("averages the ratings given in the range per category and overall, and the share who would trust us again", async () => {
    // In the range: T1 4 yes, T10 2 no (product returns); T11 5 unanswered, T14 3 unanswered (service);
    // T15 4 yes (payment). Not: T12 (rated at the range's end), T13 (the minute before it).
    expect(await read("satisfaction")).toEqual([
      // (4 + 2) / 2 = 3; 1 yes of 2 answers = 50 %.
      {
        code: "PRODUCT_RETURN",
        nameEn: "Product return",
        nameId: "Pengembalian produk",
        isTotal: false,
        rated: 2,
        averageRating: 3,
        trustAnswered: 2,
        trustPercent: 50,
      },
      // (5 + 3) / 2 = 4; nobody answered, so no share.
      {
        code: "SERVICE_PROBLEM",
        nameEn: "Service problem",
        nameId: "Masalah layanan",
        isTotal: false,
        rated: 2,
        averageRating: 4,
        trustAnswered: 0,
        trustPercent: null,
      },
      {
        code: "PAYMENT_PROBLEM",
        nameEn: "Payment problem",
        nameId: "Masalah pembayaran",
        isTotal: false,
        rated: 1,
        averageRating: 4,
        trustAnswered: 1,
        trustPercent: 100,
      },
      // (4 + 2 + 5 + 3 + 4) / 5 = 18 / 5 = 3.6; 2 yes of 3 answers = 66.67 → 66.7 %.
      { code: null, nameEn: null, nameId: null, isTotal: true, rated: 5, averageRating: 3.6, trustAnswered: 3, trustPercent: 66.7 },
    ]);
  });
});

describe("resolutions and compensation", () => {
  it("counts closed tickets' resolutions and sums what was paid, per category, resolution and currency", async () => {
    // Closed in the range: T1, T10, T11, T12, T14, T15, T16. Not: T13, T17–T21, T23 (closed before it);
    // T7 is open, so its 999,999 is not paid.
    expect(await read("resolutions")).toEqual([
      // T1 450,000 + T10 125,000.50 = 575,000.50.
      {
        code: "PRODUCT_RETURN",
        nameEn: "Product return",
        nameId: "Pengembalian produk",
        kind: "REFUND",
        labelEn: "Refund",
        labelId: "Pengembalian dana",
        currency: "IDR",
        isTotal: false,
        tickets: 2,
        withAmount: 2,
        paid: "575000.50",
      },
      {
        code: "SERVICE_PROBLEM",
        nameEn: "Service problem",
        nameId: "Masalah layanan",
        kind: "EXPLANATION_ONLY",
        labelEn: "Explanation",
        labelId: "Penjelasan",
        currency: "IDR",
        isTotal: false,
        tickets: 1,
        withAmount: 0,
        paid: "0.00",
      },
      {
        code: "SERVICE_PROBLEM",
        nameEn: "Service problem",
        nameId: "Masalah layanan",
        kind: "GOODWILL_GIFT",
        labelEn: "Goodwill gift card",
        labelId: "Kartu hadiah sebagai itikad baik",
        currency: "IDR",
        isTotal: false,
        tickets: 1,
        withAmount: 1,
        paid: "75000.00",
      },
      {
        code: "PAYMENT_PROBLEM",
        nameEn: "Payment problem",
        nameId: "Masalah pembayaran",
        kind: "APOLOGY_ONLY",
        labelEn: "Apology",
        labelId: "Permintaan maaf",
        currency: "IDR",
        isTotal: false,
        tickets: 1,
        withAmount: 0,
        paid: "0.00",
      },
      {
        code: "PAYMENT_PROBLEM",
        nameEn: "Payment problem",
        nameId: "Masalah pembayaran",
        kind: "REFUND",
        labelEn: "Refund of the overcharge",
        labelId: "Pengembalian kelebihan tagihan",
        currency: "USD",
        isTotal: false,
        tickets: 1,
        withAmount: 1,
        paid: "20.00",
      },
      {
        code: "OTHER",
        nameEn: "Something else",
        nameId: "Hal lain",
        kind: null,
        labelEn: null,
        labelId: null,
        currency: "IDR",
        isTotal: false,
        tickets: 1,
        withAmount: 0,
        paid: "0.00",
      },
      // IDR: T1, T10, T14, T11, T15, T16 = 6 tickets, 3 with an amount: 450,000 + 125,000.50 + 75,000 = 650,000.50.
      {
        code: null,
        nameEn: null,
        nameId: null,
        kind: null,
        labelEn: null,
        labelId: null,
        currency: "IDR",
        isTotal: true,
        tickets: 6,
        withAmount: 3,
        paid: "650000.50",
      },
      {
        code: null,
        nameEn: null,
        nameId: null,
        kind: null,
        labelEn: null,
        labelId: null,
        currency: "USD",
        isTotal: true,
        tickets: 1,
        withAmount: 1,
        paid: "20.00",
      },
    ]);
  });
});

describe("recurrence", () => {
  it("ranks root causes by complaints filed in the range, against the period before, with the latest distinct preventive actions", async () => {
    expect(await read("recurrence")).toEqual([
      // T12, T15 now; none before: +2. One action, recorded twice.
      {
        code: "PAYMENT_PROBLEM",
        nameEn: "Payment problem",
        nameId: "Masalah pembayaran",
        cause: "OUR_ERROR",
        thisPeriod: 2,
        previousPeriod: 0,
        change: 2,
        actions: ["Reconcile EDC terminals daily"],
      },
      // T11, T14 now; T13 before: 2 − 1 = +1. T14's blank action is no action. Latest first: 19 Nov, 9 Nov.
      {
        code: "SERVICE_PROBLEM",
        nameEn: "Service problem",
        nameId: "Masalah layanan",
        cause: "THIRD_PARTY",
        thisPeriod: 2,
        previousPeriod: 1,
        change: 1,
        actions: ["Brief the courier on calling ahead", "Courier contract review"],
      },
      // T1, T10 now (not T22, filed at the range's end); T17, T18, T19, T23 before (not T21, a minute too early): 2 − 4 = −2.
      // Distinct actions by latest record: blender check 15 Nov (T10, trimmed = T1's), packers 10 Nov (T19), QC photo 7 Nov; the
      // fourth, address labels (2 Nov), is one too many.
      {
        code: "PRODUCT_RETURN",
        nameEn: "Product return",
        nameId: "Pengembalian produk",
        cause: "OUR_ERROR",
        thisPeriod: 2,
        previousPeriod: 4,
        change: -2,
        actions: ["Check blender stock before dispatch", "Train packers on fragile items", "Add QC photo before sealing"],
      },
      // One each now, none before (+1): service before other, by the categories' order.
      {
        code: "SERVICE_PROBLEM",
        nameEn: "Service problem",
        nameId: "Masalah layanan",
        cause: "CUSTOMER_MISUNDERSTANDING",
        thisPeriod: 1,
        previousPeriod: 0,
        change: 1,
        actions: [],
      },
      {
        code: "OTHER",
        nameEn: "Something else",
        nameId: "Hal lain",
        cause: "UNDETERMINED",
        thisPeriod: 1,
        previousPeriod: 0,
        change: 1,
        actions: [],
      },
      // Gone this period: T20 before only.
      {
        code: "PAYMENT_PROBLEM",
        nameEn: "Payment problem",
        nameId: "Masalah pembayaran",
        cause: "CUSTOMER_MISUNDERSTANDING",
        thisPeriod: 0,
        previousPeriod: 1,
        change: -1,
        actions: ["Clarify instalment terms on the brochure"],
      },
    ]);
  });

  it("narrows to a category", async () => {
    const rows = await read("recurrence", { category: "PRODUCT_RETURN" });
    expect(rows.map((r) => [r.cause, r.thisPeriod, r.previousPeriod, r.change])).toEqual([["OUR_ERROR", 2, 4, -2]]);
  });
});

describe("the tables and their CSV", () => {
  it("labels the rows in the reader's language and keeps every figure as the database gave it", async () => {
    const en = await loadReportTable("satisfaction", {}, RANGE, NOW, reportText("en"));
    expect(tableRecords(en)).toEqual([
      ["Category", "Ratings", "Average rating (1–5)", "Answered “trust again”", "% would trust again"],
      ["Product return", "2", "3", "2", "50"],
      ["Service problem", "2", "4", "0", ""],
      ["Payment problem", "1", "4", "1", "100"],
      ["All categories", "5", "3.6", "3", "66.7"],
    ]);
    const id = await loadReportTable("resolutions", {}, RANGE, NOW, reportText("id"));
    expect(tableRecords(id).at(-2)).toEqual(["Semua kategori", "Semua penyelesaian", "IDR", "6", "3", "650000.50"]);
    expect(tableRecords(id)[6]).toEqual(["Hal lain", "Tidak tercatat", "IDR", "1", "0", "0.00"]);
  });

  it.each(REPORT_IDS)("%s: the CSV holds exactly the rows of the page's query, in order", async (id) => {
    const rows = await read(id);
    const table = await loadReportTable(id, {}, RANGE, NOW, reportText("en"));
    const response = csvResponse(table, RANGE);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="tanggap-${id}-2026-11-11-to-2026-11-20.csv"`);
    const records = parseCsv(await response.text());
    expect(records).toEqual(tableRecords(table));
    expect(records).toHaveLength(rows.length + 1);
    // Every figure of every row is the query's own value, in the same place.
    rows.forEach((row, i) => {
      table.columns.forEach((column, j) => {
        if (column.kind === "text" || !(column.key in row)) return;
        const value = (row as unknown as Record<string, string | number | string[] | null>)[column.key] ?? null;
        expect(records[i + 1]![j], `${id} row ${i} ${column.key}`).toBe(plainValue(value));
      });
    });
  });
});
