import { describe, expect, it } from "vitest";
import { CATEGORY_MIX, CLOCK_MIX, cumulativeBounds, expectedOpenTickets, FULL_SCALE, peerScale, QUICK_SCALE, sqlPick } from "./mix";
import { sqlArray, sqlString } from "./sql-text";

describe("the generated helpdesk's mix", () => {
  it("turns weights into bounds that end at exactly 1", () => {
    const bounds = cumulativeBounds([
      { value: "a", weight: 1 },
      { value: "b", weight: 3 },
    ]);
    expect(bounds).toEqual([
      { value: "a", upTo: 0.25 },
      { value: "b", upTo: 1 },
    ]);
    expect(cumulativeBounds(CATEGORY_MIX).at(-1)!.upTo).toBe(1);
    expect(() => cumulativeBounds([{ value: "a", weight: 0 }])).toThrow(RangeError);
    expect(() =>
      cumulativeBounds([
        { value: "a", weight: -1 },
        { value: "b", weight: 2 },
      ]),
    ).toThrow(RangeError);
  });

  it("writes the pick as a CASE whose last arm takes every remaining draw", () => {
    expect(sqlPick("r", CLOCK_MIX)).toBe(
      "(CASE WHEN r < 0.7 THEN 'onTrack' WHEN r < 0.82 THEN 'atRisk' WHEN r < 0.92 THEN 'overdue' ELSE 'waiting' END)",
    );
  });

  it("keeps a believable open backlog: about 1.6 % of the tickets", () => {
    const open = expectedOpenTickets(FULL_SCALE);
    expect(open).toBeGreaterThan(12_000);
    expect(open).toBeLessThan(20_000);
    expect(expectedOpenTickets(QUICK_SCALE)).toBe(Math.round(open / 20));
  });

  it("quotes text for SQL literals", () => {
    expect(sqlString("it's")).toBe("'it''s'");
    expect(sqlArray(["a", "b'c"])).toBe("(ARRAY['a', 'b''c']::text[])");
    expect(() => sqlArray([])).toThrow(RangeError);
  });

  it("sizes the peer's history just under each level of open tickets", () => {
    for (const level of [1000, 10_000]) {
      const open = expectedOpenTickets(peerScale(level));
      expect(open).toBeLessThanOrEqual(0.95 * level);
      expect(open).toBeGreaterThan(0.94 * level);
    }
    expect(peerScale(10_000).tickets).toBeLessThan(100_000);
  });
});
