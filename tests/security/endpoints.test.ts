// The guard: every endpoint in the tree has a row in the authorisation matrix, and every row
// names something that exists. An endpoint added without a row fails here, not in production.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ENDPOINTS } from "./endpoints";

const ROOT = join(import.meta.dirname, "..", "..");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? (name === "generated" ? [] : filesUnder(path)) : [path];
  });
}

const sources = filesUnder(join(ROOT, "src"))
  .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.ts$/.test(f))
  .map((f) => relative(ROOT, f));
const text = (file: string) => readFileSync(join(ROOT, file), "utf8");
const USE_SERVER = /^\s*["']use server["'];?/;

/** A module whose first statement is "use server": each export is a public POST endpoint. */
function serverActionExports(): { file: string; name: string }[] {
  return sources
    .filter((file) => USE_SERVER.test(text(file).replace(/^(\s*\/\/[^\n]*\n|\s*\/\*[\s\S]*?\*\/)*/, "")))
    .flatMap((file) =>
      [...text(file).matchAll(/^export\s+(?:async\s+)?(?:function|const|let)\s+(\w+)/gm)].map((m) => ({ file, name: m[1]! })),
    );
}

describe("the authorisation matrix covers every endpoint", () => {
  it("has a row for every exported server action", () => {
    const exported = serverActionExports();
    expect(exported.length).toBeGreaterThan(10);
    const rows = new Set(ENDPOINTS.filter((e) => e.kind === "action").map((e) => `${e.file}#${e.name}`));
    const missing = exported.map((a) => `${a.file}#${a.name}`).filter((key) => !rows.has(key));
    expect(missing, "add these to tests/security/endpoints.ts").toEqual([]);
  });

  it("has no action row for something that is not exported any more", () => {
    const exported = new Set(serverActionExports().map((a) => `${a.file}#${a.name}`));
    const stale = ENDPOINTS.filter((e) => e.kind === "action")
      .map((e) => `${e.file}#${e.name}`)
      .filter((key) => !exported.has(key));
    expect(stale).toEqual([]);
  });

  it('declares server actions only in "use server" modules, never inline in a component', () => {
    const inline = sources.filter(
      (file) =>
        !USE_SERVER.test(text(file).replace(/^(\s*\/\/[^\n]*\n|\s*\/\*[\s\S]*?\*\/)*/, "")) && /["']use server["']/.test(text(file)),
    );
    expect(inline).toEqual([]);
  });

  it("has a row for every route handler and every page", () => {
    const wanted = sources.filter((f) => f.startsWith("src/app/") && /\/(route\.ts|page\.tsx)$/.test(f));
    const covered = new Set(ENDPOINTS.filter((e) => e.kind !== "action").map((e) => e.file));
    expect(
      wanted.filter((f) => !covered.has(f)),
      "add these to tests/security/endpoints.ts",
    ).toEqual([]);
    const present = new Set(sources);
    expect([...covered].filter((f) => !present.has(f))).toEqual([]);
  });

  it("lists each route handler's every exported method", () => {
    for (const file of sources.filter((f) => f.startsWith("src/app/") && f.endsWith("/route.ts"))) {
      const methods = [...text(file).matchAll(/^export\s+(?:async\s+function|const)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/gm)].map(
        (m) => m[1],
      );
      // Auth.js exports its handlers as { GET, POST } = handlers.
      const reexported =
        /export const \{\s*([A-Z, ]+)\s*\}/
          .exec(text(file))?.[1]
          ?.split(",")
          .map((s) => s.trim()) ?? [];
      const rows = new Set(ENDPOINTS.filter((e) => e.kind === "route" && e.file === file).map((e) => (e as { method: string }).method));
      const all = [...methods, ...reexported];
      // Auth.js's POST endpoints are its own sign-in flow (CSRF-checked); the session GET stands for the handler.
      const missing = all.filter((m) => !rows.has(m!) && !(file.includes("[...nextauth]") && m === "POST"));
      expect(missing, file).toEqual([]);
    }
  });
});
