import type { ReportTable } from "@/domain/reports/table";

export interface ChartSeries {
  /** A column of the table. */
  key: string;
  color: string;
}

/** One bar (or stack): its label and one value per series, in the series' order. */
export type ChartBar = [label: string, ...values: number[]];

export interface ChartSpec {
  series: ChartSeries[];
  /** The columns whose text names a bar, joined. */
  labelKeys: string[];
  stacked?: boolean;
  maxRows?: number;
}

/**
 * What a chart draws from its table: a bar per row that is not a total (the first `maxRows`), named
 * by the label columns, with the series' values; and the series' names, their columns' headings.
 * Null when there is no such row.
 */
export function chartBars(table: ReportTable, spec: ChartSpec): { bars: ChartBar[]; names: string[] } | null {
  const index = (key: string) => table.columns.findIndex((c) => c.key === key);
  const rows = table.rows.filter((r) => !r.total).slice(0, spec.maxRows);
  if (rows.length === 0) return null;
  const labels = spec.labelKeys.map(index);
  const values = spec.series.map((s) => index(s.key));
  return {
    bars: rows.map((row): ChartBar => [
      labels.map((i) => String(row.cells[i] ?? "")).join(" · "),
      ...values.map((i) => Number(row.cells[i] ?? 0)),
    ]),
    names: spec.series.map((s, i) => table.columns[values[i]!]?.label ?? s.key),
  };
}
