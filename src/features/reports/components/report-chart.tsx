"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// Charts draw figures of the table the page shows below them (no second query), for a supervisor
// who would rather look than read. The table stays the accessible source: the chart is an image with
// a short name, and none of it takes focus. The server passes only what is drawn — each bar's label
// and its series' values — since a client component's props travel in the page's payload beside
// the table's own markup.

export interface ChartSeries {
  /** A column of the table. */
  key: string;
  color: string;
}

/** One bar (or stack): its label and one value per series, in the series' order. */
export type ChartBar = [label: string, ...values: number[]];

export function ReportChart({
  bars,
  series,
  names,
  stacked = false,
  title,
  locale,
}: {
  bars: ChartBar[];
  series: ChartSeries[];
  /** Each series' name (its column's heading), in the series' order. */
  names: string[];
  stacked?: boolean;
  title: string;
  locale: string;
}) {
  const data = bars.map(([label, ...values]) => ({ label, ...Object.fromEntries(series.map((s, i) => [s.key, values[i]])) }));
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
          {series.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={names[i]}
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
