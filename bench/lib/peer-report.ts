// The peer comparison's arithmetic and table (`npm run bench -- --peer osticket`): pure, so it is
// tested without either system running.
import { parseCounts } from "./args";
import { formatMs, formatRate, formatTimes, ratio, renderTable } from "./stats";

/** One system's figure for one measure: responses per second and the 95th percentile latency. */
export interface PeerFigure {
  rate: number;
  p95: number;
  failures: number;
  /** The machine's load average (1, 5, 15 min) when the measurement started, as `uptime` prints it. */
  loadAverage: number[];
  /** Timed over a fixed number of responses, because fewer answered within the run's window. */
  responsesTimed?: number;
}

export interface PeerMeasure {
  /** Open tickets in each system when the measure started. */
  open: number;
  measure: string;
  tanggap: PeerFigure;
  peer: PeerFigure;
}

/**
 * Tanggap ÷ the peer: for throughput, above 1 is Tanggap serving more; for p95, below 1 is Tanggap
 * answering sooner. Null where either figure is missing.
 */
export function peerRatios(tanggap: Pick<PeerFigure, "rate" | "p95">, peer: Pick<PeerFigure, "rate" | "p95">) {
  return { throughput: ratio(tanggap.rate, peer.rate), p95: ratio(tanggap.p95, peer.p95) };
}

/** How many tickets to create to bring `open` up to `target` (never negative: nothing is closed to get there). */
export function topUpCount(target: number, open: number): number {
  return Math.max(0, target - open);
}

/** `--levels 1000,10000`: the open-ticket counts to measure at, ascending, each a positive whole number. */
export function parseLevels(text: string): number[] {
  return parseCounts("--levels", text, "1000,10000");
}

const loadCell = (l: number[]) => l.map((v) => v.toFixed(2)).join(" ");

export function peerTable(peerName: string, measures: readonly PeerMeasure[]): string {
  return renderTable(
    [
      "open",
      "measure",
      "Tanggap rate",
      "Tanggap p95",
      `${peerName} rate`,
      `${peerName} p95`,
      "rate T÷O",
      "p95 T÷O",
      "load avg (T / O)",
      "note",
    ],
    measures.map((m) => {
      const r = peerRatios(m.tanggap, m.peer);
      const failed = [
        m.tanggap.failures ? `Tanggap ${m.tanggap.failures} FAILED` : "",
        m.peer.failures ? `${peerName} ${m.peer.failures} FAILED` : "",
        m.tanggap.responsesTimed ? `Tanggap: ${m.tanggap.responsesTimed} responses timed` : "",
        m.peer.responsesTimed ? `${peerName}: ${m.peer.responsesTimed} responses timed` : "",
      ];
      return [
        m.open.toLocaleString("en"),
        m.measure,
        formatRate(m.tanggap.rate),
        formatMs(m.tanggap.p95),
        formatRate(m.peer.rate),
        formatMs(m.peer.p95),
        formatTimes(r.throughput),
        formatTimes(r.p95),
        `${loadCell(m.tanggap.loadAverage)} / ${loadCell(m.peer.loadAverage)}`,
        failed.filter(Boolean).join("; "),
      ];
    }),
  );
}
