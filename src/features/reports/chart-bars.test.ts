import { describe, expect, it } from "vitest";
import type { ReportTable } from "@/domain/reports/table";
import { chartBars } from "./chart-bars";

const table: ReportTable = {
  id: "recurrence",
  columns: [
    { key: "category", label: "Category", kind: "text" },
    { key: "cause", label: "Root cause", kind: "text" },
    { key: "thisPeriod", label: "This period", kind: "count" },
    { key: "previousPeriod", label: "Previous period", kind: "count" },
    { key: "actions", label: "Preventive actions", kind: "list" },
  ],
  rows: [
    { key: "a", cells: ["Returns", "Our error", 7, 3, ["Check labels"]] },
    { key: "total", total: true, cells: ["All", "", 9, 4, []] },
    { key: "b", cells: ["Payment", "Third party", 2, null, []] },
    { key: "c", cells: ["Service", "Undetermined", 1, 1, []] },
  ],
};
const spec = {
  series: [
    { key: "previousPeriod", color: "#94a3b8" },
    { key: "thisPeriod", color: "#0f766e" },
  ],
  labelKeys: ["category", "cause"],
};

describe("a chart's bars", () => {
  it("are the rows that are not totals, named by the label columns, with the series' values in the series' order and nothing else", () => {
    expect(chartBars(table, spec)).toEqual({
      bars: [
        ["Returns · Our error", 3, 7],
        ["Payment · Third party", 0, 2],
        ["Service · Undetermined", 1, 1],
      ],
      names: ["Previous period", "This period"],
    });
  });

  it("stop at maxRows, and are none when the table has only totals", () => {
    expect(chartBars(table, { ...spec, maxRows: 1 })?.bars).toEqual([["Returns · Our error", 3, 7]]);
    expect(chartBars({ ...table, rows: [table.rows[1]!] }, spec)).toBeNull();
  });
});
