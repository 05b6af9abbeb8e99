// A report as one table: the page renders it (formatting each cell for the reader's locale) and the
// CSV export writes it (each cell's plain value), so the two can never disagree about what is in it.

export const REPORT_IDS = ["sla", "time", "backlog", "satisfaction", "resolutions", "recurrence", "escalations"] as const;
export type ReportId = (typeof REPORT_IDS)[number];

/** A table of this shape: a report, the complaint register or a regulator's return. */
export type TableId = ReportId | "register" | "vulnerability" | "return-ojk" | "return-fca" | "return-asic";

export function isReportId(value: unknown): value is ReportId {
  return typeof value === "string" && (REPORT_IDS as readonly string[]).includes(value);
}

/**
 * How a column's values are shown: `count` a whole number; `change` a signed whole number;
 * `percent` 0–100 with one decimal; `hours` with one decimal; `rating` with two; `money` an amount
 * in the row's currency; `list` several lines of text.
 */
export type CellKind = "text" | "count" | "change" | "percent" | "hours" | "rating" | "money" | "list";

export type CellValue = string | number | readonly string[] | null;

export interface ReportColumn {
  key: string;
  label: string;
  kind: CellKind;
}

export interface ReportRow {
  key: string;
  /** A total over the rows above it, shown set apart. */
  total?: boolean;
  /** For `money` cells. */
  currency?: string;
  cells: CellValue[];
}

export interface ReportTable {
  id: TableId;
  columns: ReportColumn[];
  rows: ReportRow[];
}

/** A cell's plain value as text: what the CSV holds, and what the page keeps beside the formatted text. */
export function plainValue(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value;
  return value.join("\n");
}

/** The table as CSV records: the column labels, then every row's plain values. */
export function tableRecords(table: ReportTable): string[][] {
  return [table.columns.map((c) => c.label), ...table.rows.map((row) => row.cells.map(plainValue))];
}
