import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { testDb } from "../../../tests/support/integration-db";

// The duration buckets and the percentile read from them (migration
// 20261214200000_time_per_stage_histograms), which both the direct time-per-stage report and its
// rollups use: the bucket edges, and the promise the report states — within 5 % of the exact percentile.

const db = testDb();

async function bucket(seconds: number | null): Promise<number | null> {
  const [row] = await db.$queryRaw<{ b: number | null }[]>`SELECT report_duration_bucket(${seconds}::float8) AS b`;
  return row!.b;
}

describe("duration buckets", () => {
  it("put under a minute in bucket 0, a minute in bucket 1, and each boundary in the bucket it opens", async () => {
    expect(await bucket(null)).toBeNull();
    expect(await bucket(-5)).toBe(0);
    expect(await bucket(0)).toBe(0);
    expect(await bucket(59.999)).toBe(0);
    expect(await bucket(60)).toBe(1);
    expect(await bucket(62.999)).toBe(1);
    expect(await bucket(63)).toBe(2); // 60 × 1.05
    expect(await bucket(1e12)).toBe(280);
  });

  it("are 5 % wide, each holding its lower bound and not the instant before, up to the open-ended last", async () => {
    const rows = await db.$queryRaw<{ b: number; lower: number; upper: number; at: number; before: number }[]>`
      SELECT b, report_bucket_lower(b) AS lower, report_bucket_upper(b) AS upper,
        report_duration_bucket(report_bucket_lower(b)) AS at, report_duration_bucket(report_bucket_lower(b) * (1 - 1e-7)) AS before
      FROM generate_series(1, 280) b ORDER BY b`;
    for (const r of rows) {
      expect([r.b, r.at, r.before]).toEqual([r.b, r.b, r.b - 1]);
      if (r.b < 280) expect(r.upper / r.lower).toBeCloseTo(1.05, 12);
    }
    expect(rows[279]!.upper).toBe(rows[279]!.lower);
    // A year is well inside the buckets; the open-ended one starts past a year and a half.
    expect(await bucket(365 * 86_400)).toBe(270);
    expect(rows[279]!.lower / (365 * 86_400)).toBeGreaterThan(1.5);
  });

  it("take a clock's wall-clock duration from its start to its fulfilment, none while it runs", async () => {
    const [row] = await db.$queryRaw<{ done: number; running: number | null; backwards: number }[]>`
      SELECT report_wall_bucket('2026-11-01T00:00:00Z', '2026-11-01T00:01:03Z') AS done,
        report_wall_bucket('2026-11-01T00:00:00Z', NULL) AS running,
        report_wall_bucket('2026-11-01T00:00:00Z', '2026-10-31T00:00:00Z') AS backwards`;
    expect(row).toEqual({ done: 2, running: null, backwards: 0 });
  });
});

/** The p-percentile of `seconds`, exactly (percentile_cont) and from their histogram. */
async function percentiles(seconds: number[], p: number): Promise<{ exact: number | null; histogram: number | null }> {
  const [row] = await db.$queryRaw<{ exact: number | null; histogram: number | null }[]>`
    WITH d AS (SELECT unnest(${seconds}::float8[]) AS s),
    h AS (SELECT report_duration_bucket(s) AS b, count(*)::numeric AS c FROM d GROUP BY 1)
    SELECT (SELECT percentile_cont(${p}::float8) WITHIN GROUP (ORDER BY s) FROM d) AS exact,
      (SELECT report_histogram_percentile(array_agg(b ORDER BY b), array_agg(c ORDER BY b), ${p}::numeric) FROM h) AS histogram`;
  return row!;
}

describe("percentile from a histogram", () => {
  it("is nothing for no durations, and the middle of its bucket for one", async () => {
    expect(await percentiles([], 0.5)).toEqual({ exact: null, histogram: null });
    expect((await percentiles([61], 0.9)).histogram).toBeCloseTo(61.5, 9);
    expect((await percentiles([10, 20, 30, 40], 0.5)).histogram).toBeCloseTo(30, 9); // ranks 1 and 2 of 4 in [0, 60 s)
  });

  it("is within 5 % of the exact percentile, from a minute up to a year, whatever the durations", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.double({ min: 60, max: 365 * 86_400, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.constantFrom(0, 0.5, 0.9, 1),
        async (seconds, p) => {
          const { exact, histogram } = await percentiles(seconds, p);
          expect(Math.abs(histogram! - exact!)).toBeLessThanOrEqual(0.05 * exact! + 1e-6);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("percentile from a histogram, in one pass (migration 20261216200000_report_page_reads)", () => {
  /** The function as the report calls it, and the statement it replaced, built from report_histogram_rank. */
  async function both(buckets: number[], counts: number[], p: number): Promise<{ now: number | null; reference: number | null }> {
    const [row] = await db.$queryRaw<{ now: number | null; reference: number | null }[]>`
      WITH h AS (SELECT ${buckets}::int[] AS b, ${counts}::numeric[] AS c, ${p}::numeric AS p)
      SELECT report_histogram_percentile(h.b, h.c, h.p) AS now,
        (SELECT x.lo + (x.hi - x.lo) * (x.at - floor(x.at))::float8
         FROM (SELECT n.at, report_histogram_rank(h.b, h.c, floor(n.at)) AS lo, report_histogram_rank(h.b, h.c, ceil(n.at)) AS hi
               FROM (SELECT h.p * (sum(c) - 1) AS at FROM unnest(h.c) AS c WHERE c > 0) n WHERE n.at IS NOT NULL) x) AS reference
      FROM h`;
    return row!;
  }

  it("equals the rank-by-rank statement it replaced, for any histogram in any order, empty buckets and all", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .uniqueArray(fc.integer({ min: 0, max: 280 }), { maxLength: 40 })
          .chain((buckets) =>
            fc.tuple(
              fc.constant(buckets),
              fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: buckets.length, maxLength: buckets.length }),
            ),
          ),
        fc.oneof(
          fc.constantFrom(0, 0.5, 0.9, 1),
          fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
        ),
        fc.boolean(),
        async ([buckets, counts], p, sorted) => {
          const order = buckets.map((_, i) => i);
          if (sorted) order.sort((a, b) => buckets[a]! - buckets[b]!);
          const { now, reference } = await both(
            order.map((i) => buckets[i]!),
            order.map((i) => counts[i]!),
            p,
          );
          expect(now).toBe(reference);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("is nothing when every bucket is empty, and nothing past the last rank", async () => {
    expect(await both([3, 5], [0, 0], 0.5)).toEqual({ now: null, reference: null });
    expect(await both([3, 5], [2, 1], 1.5)).toEqual({ now: null, reference: null });
  });
});
