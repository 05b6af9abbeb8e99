// The framework versions carry the published fixes for the attacks aimed at them. Checked on the
// installed packages, so a lock file that drifts back fails here. `npm audit --omit=dev
// --audit-level=high` (in .ci/run, where the registry is reachable) covers the rest.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const installed = (name: string) =>
  (JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "node_modules", name, "package.json"), "utf8")) as { version: string })
    .version;

function atLeast(version: string, minimum: string): boolean {
  const a = version.split(/[.-]/).slice(0, 3).map(Number);
  const b = minimum.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return true;
}

/** The first fixed release on the installed line (major.minor), per the advisory. */
function fixedOnLine(version: string, fixes: string[]): string | undefined {
  const line = version.split(".").slice(0, 2).join(".");
  return fixes.find((f) => f.startsWith(`${line}.`)) ?? fixes.filter((f) => atLeast(version, f)).pop();
}

describe("framework versions carry the published security fixes", () => {
  it("next: CVE-2025-29927 (proxy/middleware bypass through x-middleware-subrequest) fixed in 15.2.3+", () => {
    expect(atLeast(installed("next"), "15.2.3")).toBe(true);
  });

  it("next: CVE-2025-66478 (React Server Components remote code execution) fixed in 16.0.7+", () => {
    expect(atLeast(installed("next"), "16.0.7")).toBe(true);
  });

  it("react and react-dom: CVE-2025-55182 (Server Components RCE) fixed in 19.0.1, 19.1.2, 19.2.1", () => {
    for (const name of ["react", "react-dom"]) {
      const version = installed(name);
      const fixed = fixedOnLine(version, ["19.0.1", "19.1.2", "19.2.1"]) ?? "19.2.1";
      expect(atLeast(version, fixed), `${name} ${version} < ${fixed}`).toBe(true);
    }
  });
});
