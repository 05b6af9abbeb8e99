import { describe, expect, it } from "vitest";
import type { CpuReport } from "./cpu";
import { formatCpu, instancesTable, parseInstances, type InstancesRow } from "./instances-report";

const cpu = (app: number, postgres: number, machine: number): CpuReport => ({
  wallSeconds: 10,
  cores: 2,
  seconds: { app: app / 10, postgres: postgres / 10, balancer: 0, loadGenerator: 0, machine: machine / 10 },
  percent: { app, postgres, balancer: 0, loadGenerator: 0, machine },
  postgresOtherDatabasesSeconds: 0,
});

const row = (instances: number, over: Partial<InstancesRow["submission"]> = {}): InstancesRow => ({
  instances,
  submission: { rate: 48.24, p95: 412.7, failures: 0, cpu: cpu(121.4, 52.6, 196), acknowledged: 724, missing: 0, ...over },
  queue: { rate: 30.5, p95: 188.2, failures: 0, cpu: cpu(150, 30, 190) },
});

describe("the instances bench", () => {
  it("reads the instance counts ascending, each once, within the ports it has", () => {
    expect(parseInstances("3,1,2")).toEqual([1, 2, 3]);
    expect(parseInstances("1, 2, 2")).toEqual([1, 2]);
    expect(() => parseInstances("0,1")).toThrow(RangeError);
    expect(() => parseInstances("1,two")).toThrow(RangeError);
    expect(() => parseInstances("1.5")).toThrow(RangeError);
    expect(() => parseInstances("10")).toThrow(/up to 9/);
  });

  it("prints one Markdown row per instance count, CPU as submission / queue", () => {
    const table = instancesTable([row(1), row(2)]).split("\n");
    expect(table).toHaveLength(4);
    expect(table[0]).toMatch(/^\| instances +\| submissions\/s +\| +p95 \| queue req\/s .*\| note +\|$/);
    expect(table[1]).toMatch(/^\|-+:\|-+:\|/);
    expect(table[2]!.split("|").map((c) => c.trim())).toEqual([
      "",
      "1",
      "48.2/s",
      "413 ms",
      "30.5/s",
      "188 ms",
      "121 % / 150 %",
      "53 % / 30 %",
      "196 % / 190 %",
      "724 acknowledged, all in the database",
      "",
    ]);
  });

  it("says so when an acknowledged complaint is missing or requests failed", () => {
    const [, , line] = instancesTable([row(2, { missing: 3, failures: 5 })]).split("\n");
    expect(line).toContain("3 MISSING");
    expect(line).toContain("submission 5 FAILED");
  });

  it("shows a CPU figure it does not have as a dash", () => {
    expect(formatCpu(Number.NaN)).toBe("—");
    expect(formatCpu(99.6)).toBe("100 %");
  });
});
