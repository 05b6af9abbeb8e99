import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { rangeOf } from "@/domain/reports/date-range";
import type { Prisma } from "@/generated/prisma/client";
import { DIRECT_REPORT_SQL, isWholeDays, ROLLUP_REPORT_SQL, type ReportFilter, type ReportWindow } from "./report-sql";

// The daily rollups are kept by triggers on every write to a ticket or a stage clock. Over random
// histories of such writes — filings, reassignments, category and team changes, closings and
// reopenings, ratings, root causes and preventive actions, merges, clocks started, fulfilled,
// breached, paused, moved and deleted, their business time written later — every report read from the rollups equals the same report
// read directly from the tickets, for random ranges of whole days and random filters. Then the
// rollups are emptied and rebuilt by the migration's backfill, and must equal it again.

const db = testDb();
// Jakarta midnight, 1 November 2026; every moment of a history falls in the three days before and
// the 30 days from there, so that it spans the whole of November (which the monthly histograms count) and some of October.
const BASE = Date.parse("2026-11-01T00:00:00+07:00");
const HOUR = 3_600_000;
const at = (minutes: number) => new Date(BASE + minutes * 60_000);
const STAGES = ["NEW", "LISTEN", "UNDERSTAND", "RESOLVE", "APOLOGISE", "CLOSED"] as const;
const CAUSES = ["OUR_ERROR", "THIRD_PARTY", "CUSTOMER_MISUNDERSTANDING", "UNDETERMINED"] as const;
const ACTIONS = [null, "", "  ", "Check labels", " Check labels ", "Train the night shift"];

interface World {
  categories: { id: string; code: string; teamId: string | null; options: string[] }[];
  teams: string[];
  agents: string[];
  customer: string;
}
let world: World;

beforeAll(async () => {
  await resetDatabase();
  const categories = await db.category.findMany({ select: { id: true, code: true, teamId: true, options: { select: { id: true } } } });
  const teams = (await db.team.findMany({ select: { id: true } })).map((t) => t.id);
  const agents = await Promise.all(
    ["a", "b"].map(async (n) => (await db.user.create({ data: { email: `${n}@rollups.test`, name: n, passwordHash: "x" } })).id),
  );
  const customer = (await db.customer.create({ data: { email: "c@rollups.test", name: "C" } })).id;
  world = { categories: categories.map((c) => ({ ...c, options: c.options.map((o) => o.id) })), teams, agents, customer };
});

const minute = fc.integer({ min: -3 * 24 * 60, max: 30 * 24 * 60 });
const pick = <T>(list: readonly T[]) => fc.constantFrom(...list);

/** A ticket's reported fields, as an index into the world's lists (resolved when applied). */
const ticketFields = fc.record({
  category: fc.nat(),
  team: fc.option(fc.nat(), { nil: null }),
  agent: fc.option(fc.nat({ max: 1 }), { nil: null }),
  stage: pick(STAGES),
  created: minute,
  closed: fc.option(minute, { nil: null }),
  rootCause: fc.option(pick(CAUSES), { nil: null }),
  action: pick(ACTIONS),
  option: fc.option(fc.nat(), { nil: null }),
  amount: fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: null }),
  currency: pick(["IDR", "USD"]),
  rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  trust: fc.option(fc.boolean(), { nil: null }),
  rated: fc.option(minute, { nil: null }),
});
type TicketFields = typeof ticketFields extends fc.Arbitrary<infer T> ? T : never;
const TICKET_KEYS: (keyof TicketFields)[] = [
  "category",
  "team",
  "agent",
  "stage",
  "created",
  "closed",
  "rootCause",
  "action",
  "option",
  "amount",
  "currency",
  "rating",
  "trust",
  "rated",
];

// A fulfilled clock's business seconds: not yet written (as before the backfill), as long as its
// wall-clock time (both durations in one histogram bucket), or anything up to four days.
const businessSeconds = fc.oneof(fc.constant(null), fc.constant("wall" as const), fc.integer({ min: 0, max: 96 * 3600 }));

const timerFields = fc.record({
  stage: pick(STAGES.slice(0, 5)),
  started: minute,
  dueAfter: fc.integer({ min: 1, max: 72 * 60 }),
  // A third still running, so that clocks past their deadline "now" (read directly) are common.
  fulfilledAfter: fc.option(fc.integer({ min: 0, max: 96 * 60 }), { nil: null, freq: 2 }),
  breached: fc.boolean(),
  paused: fc.boolean(),
  business: businessSeconds,
});

const command = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("file" as const), fields: ticketFields }) },
  // Change some of a ticket's fields: the rest keep their value.
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("change" as const),
      ticket: fc.nat(),
      fields: ticketFields,
      keys: fc.subarray(TICKET_KEYS, { minLength: 1 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("merge" as const), ticket: fc.nat(), into: fc.option(fc.nat(), { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("touch" as const), ticket: fc.nat(), when: minute }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("clock" as const), ticket: fc.nat(), fields: timerFields }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("clockChange" as const),
      timer: fc.nat(),
      ticket: fc.option(fc.nat(), { nil: null }),
      fields: timerFields,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("clockDelete" as const), timer: fc.nat() }) },
  // Business seconds written on their own, as the backfill of clocks fulfilled before they were kept does.
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("clockBusiness" as const), timer: fc.nat(), seconds: fc.integer({ min: 0, max: 96 * 3600 }) }),
  },
);
type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

// A few tickets filed and clocks started, then anything at all.
const history = fc
  .tuple(
    fc.array(ticketFields, { minLength: 2, maxLength: 8 }),
    fc.array(fc.record({ ticket: fc.nat(), fields: timerFields }), { minLength: 2, maxLength: 12 }),
    fc.array(command, { minLength: 5, maxLength: 40, size: "max" }),
  )
  .map(([filed, clocks, rest]): Command[] => [
    ...filed.map((fields) => ({ kind: "file" as const, fields })),
    ...clocks.map((c) => ({ kind: "clock" as const, ...c })),
    ...rest,
  ]);

function ticketData(f: TicketFields, only?: (keyof TicketFields)[]): Prisma.TicketUncheckedUpdateInput {
  const category = world.categories[f.category % world.categories.length]!;
  const all: Record<keyof TicketFields, Prisma.TicketUncheckedUpdateInput> = {
    category: { categoryId: category.id },
    team: { teamId: f.team === null ? null : world.teams[f.team % world.teams.length]! },
    agent: { assigneeId: f.agent === null ? null : world.agents[f.agent]! },
    stage: { stage: f.stage },
    created: { createdAt: at(f.created) },
    closed: { closedAt: f.closed === null ? null : at(f.closed) },
    rootCause: { rootCause: f.rootCause },
    action: { preventiveAction: f.action },
    option: {
      resolutionOptionId: f.option === null || category.options.length === 0 ? null : category.options[f.option % category.options.length]!,
    },
    amount: { resolutionAmount: f.amount },
    currency: { currency: f.currency },
    rating: { rating: f.rating },
    trust: { wouldTrustAgain: f.trust },
    rated: { ratedAt: f.rated === null ? null : at(f.rated) },
  };
  return Object.assign({}, ...(only ?? (Object.keys(all) as (keyof TicketFields)[])).map((k) => all[k]));
}

function timerData(f: typeof timerFields extends fc.Arbitrary<infer T> ? T : never) {
  const started = at(f.started);
  const due = new Date(started.getTime() + f.dueAfter * 60_000);
  const fulfilled = f.fulfilledAfter === null ? null : new Date(started.getTime() + f.fulfilledAfter * 60_000);
  return {
    stage: f.stage,
    startedAt: started,
    dueAt: due,
    atRiskAt: due,
    businessMinutes: 60,
    fulfilledAt: fulfilled,
    breachedAt: f.breached ? new Date(due.getTime() + 60_000) : null,
    pausedAt: f.paused && !fulfilled ? new Date(started.getTime() + HOUR) : null,
    businessSeconds: fulfilled === null ? null : f.business === "wall" ? (f.fulfilledAfter ?? 0) * 60 : f.business,
  };
}

async function apply(commands: Command[]): Promise<void> {
  const tickets: string[] = [];
  const timers: string[] = [];
  for (const c of commands) {
    if (c.kind === "file") {
      const data = ticketData(c.fields) as Prisma.TicketUncheckedCreateInput;
      const t = await db.ticket.create({
        data: {
          ...data,
          trackingTokenHash: `h-${tickets.length}`,
          customerId: world.customer,
          subject: "s",
          narrative: "n",
          desiredOutcome: "o",
          acknowledgeBy: at(0),
        },
        select: { id: true },
      });
      tickets.push(t.id);
      continue;
    }
    if (tickets.length === 0) continue;
    const ticket = (i: number) => tickets[i % tickets.length]!;
    if (c.kind === "change") await db.ticket.update({ where: { id: ticket(c.ticket) }, data: ticketData(c.fields, c.keys) });
    else if (c.kind === "merge") {
      const into = c.into === null ? null : ticket(c.into);
      if (into !== ticket(c.ticket)) await db.ticket.update({ where: { id: ticket(c.ticket) }, data: { mergedIntoId: into } });
    } else if (c.kind === "touch")
      await db.ticket.update({ where: { id: ticket(c.ticket) }, data: { updatedAt: at(c.when), version: { increment: 1 } } });
    else if (c.kind === "clock")
      timers.push((await db.slaTimer.create({ data: { ticketId: ticket(c.ticket), ...timerData(c.fields) } })).id);
    else if (timers.length === 0) continue;
    else if (c.kind === "clockChange") {
      const i = c.timer % timers.length;
      await db.slaTimer.update({
        where: { id: timers[i]! },
        data: { ...timerData(c.fields), ...(c.ticket === null ? {} : { ticketId: ticket(c.ticket) }) },
      });
    } else if (c.kind === "clockBusiness") {
      await db.slaTimer.updateMany({
        where: { id: timers[c.timer % timers.length]!, fulfilledAt: { not: null } },
        data: { businessSeconds: c.seconds },
      });
    } else if (c.kind === "clockDelete") {
      const [id] = timers.splice(c.timer % timers.length, 1);
      await db.slaTimer.delete({ where: { id: id! } });
    }
  }
}

// Ranges of a few days, and ranges around the whole of November, read partly from the monthly histograms.
const days = fc.oneof(
  fc.record({ fromDay: fc.integer({ min: -5, max: 32 }), days: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ fromDay: fc.integer({ min: -5, max: 1 }), days: fc.integer({ min: 29, max: 40 }) }),
);

const query = fc.record({
  range: days,
  nowHours: fc.integer({ min: 0, max: 40 * 24 }),
  filter: fc.oneof(
    fc.constant({ kind: "none" as const }),
    fc.record({ kind: fc.constant("category" as const), i: fc.nat() }),
    fc.record({ kind: fc.constant("team" as const), i: fc.nat() }),
    fc.record({ kind: fc.constant("agent" as const), i: fc.nat({ max: 1 }) }),
    fc.record({ kind: fc.constant("both" as const), i: fc.nat(), j: fc.nat({ max: 1 }) }),
  ),
});

function windowOf(q: typeof query extends fc.Arbitrary<infer T> ? T : never): { window: ReportWindow; filter: ReportFilter } {
  const day = (n: number) => new Date(BASE + n * 24 * HOUR).toLocaleDateString("sv-SE", { timeZone: "Asia/Jakarta" });
  const range = rangeOf(day(q.range.fromDay), day(q.range.fromDay + q.range.days - 1), day(60));
  const window = { start: range.start, end: range.end, previousStart: range.previousStart, now: new Date(BASE + q.nowHours * HOUR) };
  const f = q.filter;
  const filter: ReportFilter =
    f.kind === "category"
      ? { category: world.categories[f.i % world.categories.length]!.code }
      : f.kind === "team"
        ? { teamId: world.teams[f.i % world.teams.length]! }
        : f.kind === "agent"
          ? { agentId: world.agents[f.i]! }
          : f.kind === "both"
            ? { category: world.categories[f.i % world.categories.length]!.code, agentId: world.agents[f.j]! }
            : {};
  return { window, filter };
}

async function expectRollupsEqualDirect(queries: (typeof query extends fc.Arbitrary<infer T> ? T : never)[]) {
  for (const q of queries) {
    const { window, filter } = windowOf(q);
    expect(isWholeDays(window)).toBe(true);
    for (const [id, rollup] of Object.entries(ROLLUP_REPORT_SQL)) {
      const direct = await db.$queryRaw(DIRECT_REPORT_SQL[id as keyof typeof DIRECT_REPORT_SQL](filter, window));
      const fromRollups = await db.$queryRaw(rollup!(filter, window));
      expect({ id, filter, rows: fromRollups }).toEqual({ id, filter, rows: direct });
    }
  }
}

async function emptyHistory() {
  await db.$executeRawUnsafe(`TRUNCATE "SlaTimer", "Ticket", report_daily CASCADE`);
}

describe("report rollups", () => {
  it("equal the direct reports over random histories, kept by the triggers and rebuilt by the backfill", async () => {
    await fc.assert(
      fc.asyncProperty(history, fc.array(query, { minLength: 2, maxLength: 4 }), async (commands, queries) => {
        await emptyHistory();
        await apply(commands);
        await expectRollupsEqualDirect(queries);
        // As after the migration: the rollups built from the history in one statement.
        await db.$executeRawUnsafe(`TRUNCATE report_daily`);
        await db.$executeRawUnsafe(`SELECT report_daily_backfill()`);
        await expectRollupsEqualDirect(queries);
      }),
      { numRuns: 25 },
    );
  }, 600_000);

  it("are left with nothing counted once every ticket and clock is deleted", async () => {
    await emptyHistory();
    const category = world.categories[0]!;
    const t = await db.ticket.create({
      data: {
        ...(ticketData({ ...FULL, category: 0 }) as Prisma.TicketUncheckedCreateInput),
        trackingTokenHash: "h-del",
        customerId: world.customer,
        subject: "s",
        narrative: "n",
        desiredOutcome: "o",
        acknowledgeBy: at(0),
      },
    });
    await db.slaTimer.create({
      data: {
        ticketId: t.id,
        ...timerData({ stage: "NEW", started: 10, dueAfter: 60, fulfilledAfter: 30, breached: false, paused: false, business: 600 }),
      },
    });
    const counted = () =>
      db.$queryRaw<{ n: bigint }[]>`SELECT coalesce(sum(n1), 0)::bigint AS n FROM report_daily WHERE "categoryId" = ${category.id}::uuid`;
    // Rated, closed, a root cause, a preventive action, one clock, and its wall-clock duration in the
    // histograms of its day and of its month, each at both grains.
    expect((await counted())[0]!.n).toBe(14n);
    await db.slaTimer.deleteMany({ where: { ticketId: t.id } });
    await db.ticket.delete({ where: { id: t.id } });
    expect((await counted())[0]!.n).toBe(0n);
  });
});

const FULL: TicketFields = {
  category: 0,
  team: 0,
  agent: 0,
  stage: "CLOSED",
  created: 60,
  closed: 120,
  rootCause: "OUR_ERROR",
  action: "Check labels",
  option: 0,
  amount: 1000,
  currency: "IDR",
  rating: 4,
  trust: true,
  rated: 180,
};
