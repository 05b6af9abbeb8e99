"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ReportTable } from "@/domain/reports/table";

// Charts draw the same table the page shows below them (rows and plain values, no second query), for
// a supervisor who would rather look than read. The table stays the accessible source: the chart is
// an image with a short name, and none of it takes focus.

export interface ChartSeries {
  /** A column of the table. */
  key: string;
  color: string;
}

export function ReportChart({
  table,
  series,
  labelKeys,
  stacked = false,
  maxRows,
  title,
  locale,
}: {
  table: ReportTable;
  series: ChartSeries[];
  /** The columns whose text names a bar, joined. */
  labelKeys: string[];
  stacked?: boolean;
  maxRows?: number;
  title: string;
  locale: string;
}) {
  const index = (key: string) => table.columns.findIndex((c) => c.key === key);
  const rows = table.rows.filter((r) => !r.total).slice(0, maxRows);
  if (rows.length === 0) return null;
  const data = rows.map((row) => ({
    label: labelKeys.map((k) => String(row.cells[index(k)] ?? "")).join(" · "),
    ...Object.fromEntries(series.map((s) => [s.key, Number(row.cells[index(s.key)] ?? 0)])),
  }));
  const names = Object.fromEntries(table.columns.map((c) => [c.key, c.label]));
  const number = new Intl.NumberFormat(locale);
  return (
    <div role="img" aria-label={title} className="h-72 w-full rounded-lg border border-slate-200 bg-white p-2">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 272 }}>
        <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
          <YAxis allowDecimals={false} tickFormatter={(v: number) => number.format(v)} tick={{ fontSize: 11 }} width={40} />
          <Tooltip formatter={(value) => number.format(Number(value))} />
          {/* In the series' order (stacking order), not alphabetical; text in one readable colour. */}
          <Legend
            itemSorter={null}
            wrapperStyle={{ fontSize: 12 }}
            formatter={(name: string) => <span className="text-slate-700">{name}</span>}
          />
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={names[s.key] ?? s.key}
              stackId={stacked ? "stack" : undefined}
              fill={s.color}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
