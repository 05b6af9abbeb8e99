import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Issue 13: a short AUTH_SECRET used to start a server that listened, answered 503 on health and
// could sign no one in. Each way of starting Tanggap now checks every setting before it does
// anything else and stops with one line naming the setting.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SHORT_SECRET_LINE = "AUTH_SECRET: must be at least 32 characters (set a random value: openssl rand -base64 33)";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

function run(script: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...script], {
      cwd: ROOT,
      // Only what a start needs: not this test run's own settings.
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`still running after 30 s; stdout: ${stdout}; stderr: ${stderr}`));
    }, 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function listening(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

describe("starting with a bad setting", () => {
  // The database is never reached: the check comes first (port 1 refuses, should it be tried).
  const databaseUrl = "postgresql://postgres@127.0.0.1:1/never";

  it("npm start refuses a short AUTH_SECRET with one line naming it, before the database or the port", async () => {
    const port = await freePort();
    const result = await run(["scripts/serve.ts"], { AUTH_SECRET: "too-short", DATABASE_URL: databaseUrl, PORT: String(port) });
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim()).toBe(SHORT_SECRET_LINE);
    expect(result.stdout).toBe("");
    expect(await listening(port)).toBe(false);
  });

  it("names every bad setting, one line each", async () => {
    const result = await run(["scripts/serve.ts"], { AUTH_SECRET: "too-short", DATABASE_URL: databaseUrl, MAIL_POLL_MS: "often" });
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split("\n")).toEqual([
      SHORT_SECRET_LINE,
      "MAIL_POLL_MS: must be a whole number of milliseconds from 100 to 3600000",
    ]);
  });

  it("the server process itself refuses too, before Next loads", async () => {
    const port = await freePort();
    const result = await run(["scripts/lib/next-server.ts", "start", String(port)], {
      AUTH_SECRET: "too-short",
      DATABASE_URL: databaseUrl,
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim()).toBe(SHORT_SECRET_LINE);
    expect(await listening(port)).toBe(false);
  });
});
