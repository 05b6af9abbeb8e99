import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

// Real processes (node:cluster), as `npm start` runs them: tests/support/metrics-cluster-child.ts.
async function run(...args: string[]): Promise<{ text?: string; error?: string }> {
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "tests/support/metrics-cluster-child.ts", ...args], {
    timeout: 60_000,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as { text?: string; error?: string };
}

describe("metrics across a cluster's processes", () => {
  it("a process's scrape gets every process's counters summed, and no figure marked omit", async () => {
    const { text, error } = await run();
    expect(error).toBeUndefined();
    expect(text).toMatch(/^test_requests_total 6$/m);
    expect(text).not.toContain("test_database_rows");
  }, 60_000);

  it("a process that never answers fails the scrape instead of hanging it", async () => {
    const { text, error } = await run("stuck");
    expect(text).toBeUndefined();
    expect(error).toMatch(/timed out/i);
  }, 60_000);
});
