// CPU time by tier during a measurement, from Linux's /proc: the app instances (each launcher and
// the server it spawns), PostgreSQL (the backends of the bench's database and the server's own
// writers), the balancer, the load generator and the whole machine. It says which tier was the
// ceiling: a tier near the machine's cores is the one more instances would have to relieve.
// The parsing and arithmetic are pure and unit-tested; startCpuMeter reads /proc.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** One process as /proc/<pid>/stat describes it; ticks are user + system time in clock ticks. */
export interface ProcEntry {
  pid: number;
  ppid: number;
  comm: string;
  ticks: number;
  /** When it started, in ticks since boot: with the pid, names one process even if the pid is reused. */
  start: number;
}

/** A line of /proc/<pid>/stat, or null if it is not one. */
export function parseProcStat(text: string): ProcEntry | null {
  // The name is in parentheses and may itself hold spaces and parentheses: the fields follow the last ")".
  const open = text.indexOf("(");
  const close = text.lastIndexOf(")");
  if (open < 0 || close < open) return null;
  const pid = Number(text.slice(0, open).trim());
  // From field 3 (state) on: ppid is field 4, utime 14, stime 15, starttime 22.
  const rest = text
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const field = (n: number) => Number(rest[n - 3]);
  const entry = { pid, ppid: field(4), comm: text.slice(open + 1, close), ticks: field(14) + field(15), start: field(22) };
  return [entry.pid, entry.ppid, entry.ticks, entry.start].every(Number.isInteger) ? entry : null;
}

/** The machine's busy and total ticks over every core, from /proc/stat's first line. */
export function parseMachineStat(text: string): { busy: number; total: number } | null {
  const line = text.split("\n").find((l) => l.startsWith("cpu "));
  if (!line) return null;
  // user nice system idle iowait irq softirq steal (guest time is already counted in user).
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const fields = [user, nice, system, idle, iowait, irq, softirq, steal];
  if (fields.some((v) => v === undefined || !Number.isFinite(v))) return null;
  const total = fields.reduce((s: number, v) => s + v!, 0);
  return { busy: total - idle! - iowait!, total };
}

/** The pids of `roots` and of every process below them. */
export function descendantsOf(entries: readonly ProcEntry[], roots: readonly number[]): Set<number> {
  const children = new Map<number, number[]>();
  for (const e of entries) children.set(e.ppid, [...(children.get(e.ppid) ?? []), e.pid]);
  const found = new Set<number>();
  const stack = [...roots];
  while (stack.length) {
    const pid = stack.pop()!;
    if (found.has(pid)) continue;
    found.add(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return found;
}

/**
 * Whose work a PostgreSQL process does, from its process title (its /proc cmdline): a backend or
 * autovacuum worker of `database` ("bench"), another database's ("other"), or the server's own
 * processes — postmaster, checkpointer, writers — shared by every database ("server").
 */
export function postgresRole(title: string, database: string): "bench" | "other" | "server" {
  const words = title.trim().split(/\s+/);
  if (words.includes(database)) return "bench";
  // A backend's title names its client ("127.0.0.1(53312)", "[local]"); workers name their database or leader.
  if (words.some((w) => /^\S+\(\d+\)$/.test(w) || w === "[local]") || /autovacuum worker|parallel worker/.test(title)) return "other";
  return "server";
}

/** Per process: its ticks when first seen and when last seen. */
export type Tally = Map<string, { group: string; first: number; last: number }>;

/**
 * Adds one sampling of /proc to the tally. A process already running at the first sampling counts
 * from its ticks then; one that appears later started during the measurement, so all of its ticks
 * count. A process that exits between samplings loses what it used since the last one: sample often.
 */
export function tallySample(tally: Tally, sample: readonly { entry: ProcEntry; group: string }[], initial: boolean): void {
  for (const { entry, group } of sample) {
    const key = `${entry.pid}@${entry.start}`;
    const known = tally.get(key);
    if (known) known.last = entry.ticks;
    else tally.set(key, { group, first: initial ? entry.ticks : 0, last: entry.ticks });
  }
}

/** CPU seconds per group. */
export function tallySeconds(tally: Tally, ticksPerSecond: number): Record<string, number> {
  const seconds: Record<string, number> = {};
  for (const { group, first, last } of tally.values()) seconds[group] = (seconds[group] ?? 0) + (last - first) / ticksPerSecond;
  return seconds;
}

/** CPU seconds over a wall-clock span as top shows it: 100 % is one core busy for the whole span. */
export function cpuPercent(cpuSeconds: number, wallSeconds: number): number {
  return wallSeconds > 0 ? (cpuSeconds / wallSeconds) * 100 : Number.NaN;
}

export const CPU_GROUPS = ["app", "postgres", "balancer", "loadGenerator", "machine"] as const;
export type CpuGroup = (typeof CPU_GROUPS)[number];

export interface CpuReport {
  wallSeconds: number;
  cores: number;
  /** CPU seconds each tier used; postgres counts the bench database's backends and the server's own processes. */
  seconds: Record<CpuGroup, number>;
  /** The same as top's percentages (100 % = one core; `cores` × 100 % = the whole machine). */
  percent: Record<CpuGroup, number>;
  /** Left out of postgres: other databases' backends on the same server (other work on the machine). */
  postgresOtherDatabasesSeconds: number;
}

let clockTicks: number | undefined;
function ticksPerSecond(): number {
  clockTicks ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  return clockTicks;
}

function readProcesses(): { entry: ProcEntry; title: () => string }[] {
  const out: { entry: ProcEntry; title: () => string }[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const entry = parseProcStat(readFileSync(`/proc/${name}/stat`, "utf8"));
      if (entry) out.push({ entry, title: () => readFileSync(`/proc/${name}/cmdline`, "utf8").replace(/\0/g, " ") });
    } catch {
      // It exited while the folder was read.
    }
  }
  return out;
}

/**
 * Starts counting CPU time: the process trees under `appRoots` (the instances' launchers), the
 * balancer's, PostgreSQL's processes (by name) and this process, sampled every `intervalMs`.
 */
export function startCpuMeter(opts: { appRoots: number[]; balancerRoot?: number; database: string; cores: number; intervalMs?: number }): {
  stop(): CpuReport;
} {
  const tally: Tally = new Map();
  const started = performance.now();
  const ownStart = process.cpuUsage();
  const machineAt = () => parseMachineStat(readFileSync("/proc/stat", "utf8")) ?? { busy: 0, total: 0 };
  const machineStart = machineAt();
  const sample = (initial: boolean) => {
    const processes = readProcesses();
    const entries = processes.map((p) => p.entry);
    const app = descendantsOf(entries, opts.appRoots);
    const balancer = opts.balancerRoot ? descendantsOf(entries, [opts.balancerRoot]) : new Set<number>();
    const grouped: { entry: ProcEntry; group: string }[] = [];
    for (const { entry, title } of processes) {
      if (app.has(entry.pid)) grouped.push({ entry, group: "app" });
      else if (balancer.has(entry.pid)) grouped.push({ entry, group: "balancer" });
      else if (entry.comm === "postgres") {
        let role: string;
        try {
          role = postgresRole(title(), opts.database);
        } catch {
          continue;
        }
        grouped.push({ entry, group: role === "other" ? "postgresOther" : "postgres" });
      }
    }
    tallySample(tally, grouped, initial);
  };
  sample(true);
  const timer = setInterval(() => sample(false), opts.intervalMs ?? 500);
  return {
    stop() {
      clearInterval(timer);
      sample(false);
      const wallSeconds = (performance.now() - started) / 1000;
      const own = process.cpuUsage(ownStart);
      const machineEnd = machineAt();
      const tick = ticksPerSecond();
      const bySeconds = tallySeconds(tally, tick);
      // /proc/stat counts every core's ticks; its busy share times the cores is top's percentage.
      const machineTotal = machineEnd.total - machineStart.total;
      const machineBusyShare = machineTotal > 0 ? (machineEnd.busy - machineStart.busy) / machineTotal : Number.NaN;
      const seconds: Record<CpuGroup, number> = {
        app: bySeconds.app ?? 0,
        postgres: bySeconds.postgres ?? 0,
        balancer: bySeconds.balancer ?? 0,
        loadGenerator: (own.user + own.system) / 1e6,
        machine: machineBusyShare * opts.cores * wallSeconds,
      };
      const percent = Object.fromEntries(CPU_GROUPS.map((g) => [g, cpuPercent(seconds[g], wallSeconds)])) as Record<CpuGroup, number>;
      return { wallSeconds, cores: opts.cores, seconds, percent, postgresOtherDatabasesSeconds: bySeconds.postgresOther ?? 0 };
    },
  };
}
