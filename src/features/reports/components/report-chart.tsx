"use client";

import dynamic from "next/dynamic";
import type { ChartBar, ChartSeries } from "../chart-bars";

// Charts draw figures of the table the page shows below them (no second query), for a supervisor
// who would rather look than read. The table stays the accessible source: the chart is an image with
// a short name, and none of it takes focus. The server passes only what is drawn — each bar's label
// and its series' values — since a client component's props travel in the page's payload beside
// the table's own markup.
//
// Recharts measures its container before it draws, so on the server it rendered only empty wrappers,
// at a cost: its store and components for four charts were a few percent of the server's CPU per
// reports page (node --cpu-prof). The drawing is therefore left to the browser; the server renders the
// frame, which holds the chart's size and name.

const ReportBarChart = dynamic(() => import("./report-bar-chart"), { ssr: false });

export function ReportChart({
  title,
  ...chart
}: {
  bars: ChartBar[];
  series: ChartSeries[];
  /** Each series' name (its column's heading), in the series' order. */
  names: string[];
  stacked?: boolean;
  title: string;
  locale: string;
}) {
  return (
    <div role="img" aria-label={title} className="h-72 w-full rounded-lg border border-slate-200 bg-white p-2">
      <ReportBarChart {...chart} />
    </div>
  );
}
