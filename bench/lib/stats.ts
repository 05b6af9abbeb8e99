// Figures as the bench reports them: latency percentiles, rates and ratios to a ceiling, and the
// one table everything is printed in. Pure, so the arithmetic is tested without a server.

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

/** The nearest-rank percentile (the smallest value with at least p % of the values at or below it). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile out of range: ${p}`);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function summariseLatencies(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.length ? sorted.reduce((s, v) => s + v, 0) / sorted.length : Number.NaN;
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), mean };
}

/** value ÷ ceiling, or null when there is no ceiling to compare with. */
export function ratio(value: number, ceiling: number | null | undefined): number | null {
  if (ceiling === null || ceiling === undefined || !Number.isFinite(ceiling) || ceiling <= 0 || !Number.isFinite(value)) return null;
  return value / ceiling;
}

/** A ratio as a share of its ceiling: 0.523 → "52.3 %"; none → "—". */
export function formatShare(r: number | null): string {
  if (r === null) return "—";
  return `${(r * 100).toFixed(r < 0.1 ? 2 : 1)} %`;
}

/** A latency ratio (how many times the ceiling's latency): 12.34 → "12.3×". */
export function formatTimes(r: number | null): string {
  if (r === null) return "—";
  return `${r.toFixed(r < 10 ? 2 : 1)}×`;
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "—";
  return ms < 10 ? `${ms.toFixed(2)} ms` : ms < 100 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

export function formatRate(perSecond: number | null | undefined): string {
  if (perSecond === null || perSecond === undefined || !Number.isFinite(perSecond)) return "—";
  return `${perSecond < 100 ? perSecond.toFixed(1) : Math.round(perSecond).toLocaleString("en")}/s`;
}

export function formatBytes(bytes: number): string {
  const units = ["B", "kB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** Whether a figure meets its target: "met", "missed", or "—" without one. */
export function verdict(value: number | null, target: { max?: number; min?: number } | undefined): "met" | "missed" | "—" {
  if (!target || value === null || !Number.isFinite(value)) return "—";
  if (target.max !== undefined && value >= target.max) return "missed";
  if (target.min !== undefined && value < target.min) return "missed";
  return "met";
}

/** Columns padded to their widest cell; numbers-looking cells right-aligned. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const numeric = /^[\d.,—\-–]+( ?[a-zA-Z%×/]+)?( ?\/s)?$|^—$/;
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i > 0 && numeric.test(c) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** A Markdown (GitHub) table, padded so it reads as a table in a terminal too; numbers-looking columns right-aligned. */
export function renderMarkdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, "\\|");
  const cells = [header, ...rows].map((r) => header.map((_, i) => escape(r[i] ?? "")));
  const widths = header.map((_, i) => Math.max(3, ...cells.map((r) => r[i]!.length)));
  const numeric = /^[\d.,—\-–]+( ?[a-zA-Z%×/]+)?( ?\/s)?( \/ [\d.,—\-–]+( ?[a-zA-Z%×/]+)?)?$|^—$/;
  const right = header.map((_, i) => rows.length > 0 && rows.every((r) => numeric.test(r[i] ?? "")));
  const line = (r: readonly string[]) => `| ${r.map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (right[i] ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`;
  return [line(cells[0]!), rule, ...cells.slice(1).map(line)].join("\n");
}
