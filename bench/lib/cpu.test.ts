import { describe, expect, it } from "vitest";
import {
  cpuPercent,
  descendantsOf,
  parseMachineStat,
  parseProcStat,
  postgresRole,
  tallySample,
  tallySeconds,
  type ProcEntry,
  type Tally,
} from "./cpu";

// A real /proc/<pid>/stat line, with a name holding a space and a parenthesis.
const statLine =
  "4242 (node (srv) x) S 4200 4200 4200 0 -1 4194560 52000 0 12 0 1234 567 8 9 20 0 11 0 98765 1300000000 30000 18446744073709551615 1 1 0 0 0 0 0 16781312 17922 0 0 0 17 1 0 0 0 0 0";

const entry = (pid: number, ppid: number, ticks: number, start = 1): ProcEntry => ({ pid, ppid, comm: "node", ticks, start });

describe("CPU accounting from /proc", () => {
  it("reads a process's own user and system ticks, its parent and its start, whatever its name holds", () => {
    expect(parseProcStat(statLine)).toEqual({ pid: 4242, ppid: 4200, comm: "node (srv) x", ticks: 1234 + 567, start: 98765 });
    expect(parseProcStat("not a stat line")).toBeNull();
  });

  it("reads the machine's busy ticks as everything but idle and waiting for I/O", () => {
    const stat = "cpu  100 5 50 800 20 3 2 0 0 0\ncpu0 50 2 25 400 10 1 1 0 0 0\nintr 1\n";
    expect(parseMachineStat(stat)).toEqual({ busy: 160, total: 980 });
    expect(parseMachineStat("intr 1")).toBeNull();
  });

  it("finds every process below the roots, and none beside them", () => {
    const entries = [entry(10, 1, 0), entry(11, 10, 0), entry(12, 11, 0), entry(20, 1, 0), entry(21, 20, 0)];
    expect([...descendantsOf(entries, [10])].sort()).toEqual([10, 11, 12]);
    expect([...descendantsOf(entries, [10, 20])].sort()).toEqual([10, 11, 12, 20, 21]);
  });

  it("tells the bench database's backends from other databases' and from the server's own processes", () => {
    expect(postgresRole("postgres: 15/main: postgres tanggap_bench_instances 127.0.0.1(53312) idle", "tanggap_bench_instances")).toBe(
      "bench",
    );
    expect(postgresRole("postgres: 15/main: autovacuum worker tanggap_bench_instances", "tanggap_bench_instances")).toBe("bench");
    expect(postgresRole("postgres: 15/main: postgres tanggap_bench_full 127.0.0.1(40000) INSERT", "tanggap_bench_instances")).toBe("other");
    expect(postgresRole("postgres: 15/main: postgres other [local] idle", "tanggap_bench_instances")).toBe("other");
    expect(postgresRole("postgres: 15/main: autovacuum worker tanggap_bench_full", "tanggap_bench_instances")).toBe("other");
    expect(postgresRole("postgres: 15/main: walwriter", "tanggap_bench_instances")).toBe("server");
    expect(postgresRole("/usr/lib/postgresql/15/bin/postgres -D /var/lib/postgresql/15/main", "tanggap_bench_instances")).toBe("server");
  });

  it("counts what each process used between the first and the last sampling, all of it for one born meanwhile", () => {
    const tally: Tally = new Map();
    tallySample(
      tally,
      [
        { entry: entry(10, 1, 1000), group: "app" },
        { entry: entry(30, 1, 500), group: "postgres" },
      ],
      true,
    );
    tallySample(
      tally,
      [
        { entry: entry(10, 1, 1150), group: "app" },
        { entry: entry(31, 1, 40), group: "postgres" },
      ],
      false,
    );
    tallySample(
      tally,
      [
        { entry: entry(10, 1, 1300), group: "app" },
        { entry: entry(30, 1, 560), group: "postgres" },
      ],
      false,
    );
    // app: 1300 − 1000; postgres: 560 − 500, plus 40 for the backend that started after the first sampling.
    expect(tallySeconds(tally, 100)).toEqual({ app: 3, postgres: 1 });
  });

  it("does not mistake a reused pid for the process that had it", () => {
    const tally: Tally = new Map();
    tallySample(tally, [{ entry: entry(10, 1, 900, 5), group: "app" }], true);
    tallySample(tally, [{ entry: entry(10, 1, 30, 777), group: "app" }], false);
    expect(tallySeconds(tally, 100)).toEqual({ app: 0.3 });
  });

  it("gives CPU time as top does: 100 % is one core busy for the whole span", () => {
    expect(cpuPercent(30, 10)).toBe(300);
    expect(cpuPercent(5, 10)).toBe(50);
    expect(cpuPercent(1, 0)).toBeNaN();
  });
});
