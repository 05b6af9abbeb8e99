// The instances bench's arguments and table (`npm run bench -- --instances 1,2,3`): pure, so they are
// tested without a server.
import { parseCounts } from "./args";
import type { CpuReport } from "./cpu";
import { formatMs, formatRate, renderMarkdownTable } from "./stats";

/** Instances on ports after the balancer's: ten ports for one run (balancer + 9) keeps to a small range. */
export const MAX_INSTANCES = 9;

/** `--instances 1,2,3`: the instance counts to measure, ascending. */
export function parseInstances(text: string): number[] {
  return parseCounts("--instances", text, "1,2,3", MAX_INSTANCES);
}

export interface LoadFigure {
  rate: number;
  p95: number;
  /** Failed responses (status or body) and connection errors, never left out of the rate's story. */
  failures: number;
  cpu: CpuReport;
}

export interface InstancesRow {
  instances: number;
  submission: LoadFigure & {
    /** Complaints whose reference came back to the client. */
    acknowledged: number;
    /** Of those, not found in the database afterwards (should be 0). */
    missing: number;
  };
  queue: LoadFigure;
}

/** A CPU figure as top shows it, rounded: 143.2 → "143 %". */
export function formatCpu(percent: number | undefined): string {
  return percent === undefined || !Number.isFinite(percent) ? "—" : `${Math.round(percent)} %`;
}

const pair = (row: InstancesRow, group: keyof CpuReport["percent"]) =>
  `${formatCpu(row.submission.cpu.percent[group])} / ${formatCpu(row.queue.cpu.percent[group])}`;

export function instancesTable(rows: readonly InstancesRow[]): string {
  return renderMarkdownTable(
    ["instances", "submissions/s", "p95", "queue req/s", "queue p95", "app CPU %", "PostgreSQL CPU %", "machine CPU %", "note"],
    rows.map((r) => {
      const notes = [
        `${r.submission.acknowledged.toLocaleString("en")} acknowledged, ${r.submission.missing ? `${r.submission.missing} MISSING` : "all in the database"}`,
        r.submission.failures ? `submission ${r.submission.failures} FAILED` : "",
        r.queue.failures ? `queue ${r.queue.failures} FAILED` : "",
      ];
      return [
        String(r.instances),
        formatRate(r.submission.rate),
        formatMs(r.submission.p95),
        formatRate(r.queue.rate),
        formatMs(r.queue.p95),
        pair(r, "app"),
        pair(r, "postgres"),
        pair(r, "machine"),
        notes.filter(Boolean).join("; "),
      ];
    }),
  );
}
