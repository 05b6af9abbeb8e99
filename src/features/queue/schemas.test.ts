import { describe, expect, it } from "vitest";
import { encodeCursor } from "./cursor";
import { isFiltered, parseQueueParams, queueQueryString } from "./schemas";

const CODES = ["PRODUCT_RETURN", "PAYMENT_PROBLEM"];
const parse = (params: Record<string, string | string[] | undefined>) => parseQueueParams(params, CODES);

describe("queue search params", () => {
  it("reads every filter from the URL", () => {
    const { filter } = parse({
      q: "  kembalikan   uang ",
      assignee: "me",
      stage: "LISTEN",
      category: "PAYMENT_PROBLEM",
      priority: "URGENT",
      atRisk: "1",
      overdue: "on",
      waiting: "true",
    });
    expect(filter).toEqual({
      q: "kembalikan uang",
      assignee: "me",
      stage: "LISTEN",
      category: "PAYMENT_PROBLEM",
      priority: "URGENT",
      atRisk: true,
      overdue: true,
      waiting: true,
    });
  });

  it("treats empty fields, as an unfilled GET form sends them, as no filter", () => {
    const { filter, cursor } = parse({ q: "", assignee: "", stage: "", category: "", priority: "" });
    expect(filter).toEqual({});
    expect(cursor).toBeNull();
    expect(isFiltered(filter)).toBe(false);
  });

  it("ignores values it does not know rather than failing", () => {
    const { filter } = parse({
      stage: "CLOSED",
      assignee: "everyone",
      category: "NOT_A_CATEGORY",
      priority: "normal",
      atRisk: "0",
      overdue: "yes please",
      q: "\u0000\u0001",
      cursor: "eyJub3QiOiJhIGN1cnNvciJ9",
      unknown: "x",
    });
    expect(filter).toEqual({});
  });

  it("reads the supervisor board's groups: one person, one team or none, and the board's tickets", () => {
    const person = "0b9f4a52-6d1e-4c3a-9f27-1e5d8c7b6a40";
    expect(parse({ assignee: person, team: "none", attention: "1" }).filter).toEqual({ assignee: person, team: "none", attention: true });
    expect(parse({ team: person }).filter).toEqual({ team: person });
    expect(parse({ assignee: "not-a-person", team: "'; DROP TABLE", attention: "no" }).filter).toEqual({});
    const round = parse(
      Object.fromEntries(new URLSearchParams(queueQueryString({ attention: true, team: person, assignee: "unassigned" }).slice(1))),
    );
    expect(round.filter).toEqual({ attention: true, team: person, assignee: "unassigned" });
  });

  it("takes the first of a repeated parameter", () => {
    expect(parse({ stage: ["RESOLVE", "LISTEN"] }).filter).toEqual({ stage: "RESOLVE" });
  });

  it("keeps searches to 200 characters and removes control characters", () => {
    expect(parse({ q: "a".repeat(500) }).filter.q).toHaveLength(200);
    expect(parse({ q: "ORD-1\u0000234" }).filter.q).toBe("ORD-1 234");
  });

  it("reads a cursor it issued, and drops a forged or damaged one", () => {
    const token = encodeCursor({ dueAt: new Date("2026-11-24T03:00:00.000Z"), number: 42, direction: "next" });
    expect(parse({ cursor: token }).cursor).toEqual({ dueAt: new Date("2026-11-24T03:00:00.000Z"), number: 42, direction: "next" });
    expect(parse({ cursor: token.slice(0, -3) }).cursor).toBeNull();
    expect(parse({ cursor: "%%%" }).cursor).toBeNull();
    expect(parse({ cursor: Buffer.from(JSON.stringify({ d: null, n: -1, r: "n" })).toString("base64url") }).cursor).toBeNull();
  });

  it("writes a filter back as a short, stable query string", () => {
    expect(queueQueryString({})).toBe("");
    expect(queueQueryString({ overdue: true, assignee: "me", q: "dana kembali" }, "abc")).toBe(
      "?q=dana+kembali&assignee=me&overdue=1&cursor=abc",
    );
    const { filter } = parse(
      Object.fromEntries(new URLSearchParams(queueQueryString({ stage: "NEW", atRisk: true, category: "PRODUCT_RETURN" }).slice(1))),
    );
    expect(filter).toEqual({ stage: "NEW", atRisk: true, category: "PRODUCT_RETURN" });
  });
});
