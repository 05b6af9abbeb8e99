import { describe, expect, it } from "vitest";
import { formatClosingTime, formatTimeOfDay, parseClosingTime, parseTimeOfDay, parseWeeklyHours, type WeekdayInput } from "./weekly-hours";

const week = (days: Partial<Record<number, [string, string]>>): WeekdayInput[] =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: days[weekday]?.[0] ?? "", closes: days[weekday]?.[1] ?? "" }));

describe("time of day", () => {
  it("reads HH:MM and the end of the day", () => {
    expect(parseTimeOfDay("08:30")).toBe(510);
    expect(parseTimeOfDay("00:00")).toBe(0);
    expect(parseTimeOfDay("24:00")).toBe(1440);
  });

  it("refuses what is not a time of day", () => {
    for (const text of ["8:30", "24:01", "25:00", "12:60", "noon", ""]) expect(parseTimeOfDay(text)).toBeNull();
  });

  it("formats minutes back to HH:MM", () => {
    expect(formatTimeOfDay(510)).toBe("08:30");
    expect(formatTimeOfDay(1440)).toBe("24:00");
  });
});

describe("the weekly hours grid", () => {
  it("turns filled days into opening hours and leaves empty days closed", () => {
    expect(parseWeeklyHours(week({ 1: ["08:00", "17:00"], 6: ["09:00", "12:00"] }))).toEqual({
      ok: true,
      hours: [
        { weekday: 1, opensAt: 480, closesAt: 1020 },
        { weekday: 6, opensAt: 540, closesAt: 720 },
      ],
    });
  });

  it("names each day whose closing time is not after its opening time", () => {
    expect(parseWeeklyHours(week({ 1: ["08:00", "17:00"], 2: ["17:00", "08:00"], 3: ["09:00", "09:00"] }))).toEqual({
      ok: false,
      noOpenDay: false,
      problems: [
        { weekday: 2, problem: "closesBeforeOpens" },
        { weekday: 3, problem: "closesBeforeOpens" },
      ],
    });
  });

  it("refuses a day with only one of its two times, and a time that is not one", () => {
    const result = parseWeeklyHours(week({ 1: ["08:00", ""], 2: ["8 am", "17:00"], 3: ["24:00", "24:00"] }));
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { weekday: 1, problem: "halfFilled" },
        { weekday: 2, problem: "invalidTime" },
        { weekday: 3, problem: "invalidTime" },
      ],
    });
  });

  it("refuses a week without opening hours, when no deadline could ever fall", () => {
    expect(parseWeeklyHours(week({}))).toEqual({ ok: false, problems: [], noOpenDay: true });
  });

  it("keeps a day open until midnight", () => {
    expect(parseWeeklyHours(week({ 7: ["00:00", "24:00"] }))).toEqual({ ok: true, hours: [{ weekday: 7, opensAt: 0, closesAt: 1440 }] });
  });
});

describe("closing times from a time input", () => {
  it("reads 00:00 as midnight at the end of the day, and shows midnight back as 00:00", () => {
    expect(parseClosingTime("00:00")).toBe(24 * 60);
    expect(parseClosingTime("17:30")).toBe(17 * 60 + 30);
    expect(formatClosingTime(24 * 60)).toBe("00:00");
    expect(formatClosingTime(17 * 60)).toBe("17:00");
    expect(parseWeeklyHours([{ weekday: 6, opens: "20:00", closes: "00:00" }])).toEqual({
      ok: true,
      hours: [{ weekday: 6, opensAt: 20 * 60, closesAt: 24 * 60 }],
    });
  });
});
