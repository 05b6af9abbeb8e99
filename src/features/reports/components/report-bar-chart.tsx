"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartBar, ChartSeries } from "../chart-bars";

/** The Recharts drawing inside ReportChart's frame; loaded in the browser only (see report-chart.tsx). */
export default function ReportBarChart({
  bars,
  series,
  names,
  stacked = false,
  locale,
}: {
  bars: ChartBar[];
  series: ChartSeries[];
  /** Each series' name (its column's heading), in the series' order. */
  names: string[];
  stacked?: boolean;
  locale: string;
}) {
  const data = bars.map(([label, ...values]) => ({ label, ...Object.fromEntries(series.map((s, i) => [s.key, values[i]])) }));
  const number = new Intl.NumberFormat(locale);
  return (
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
  );
}
