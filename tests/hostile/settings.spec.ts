// A bad setting must stop the server at the door, not start one that listens and half works
// (issue 13: a short AUTH_SECRET gave a server whose health said 503 and whose forms failed).
// Both ways of starting the production build are tried: `npm start` and a bare `next start`.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { databaseUrl } from "./support";

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

function start(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`still running after 60 s: ${stderr}`));
    }, 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

async function answers(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
    () => true,
    () => false,
  );
}

test("a short AUTH_SECRET stops npm start with one line naming it, before it listens", async () => {
  const port = await freePort();
  const result = await start(["--import", "tsx", join("scripts", "serve.ts")], {
    AUTH_SECRET: "too-short",
    DATABASE_URL: databaseUrl(),
    PORT: String(port),
  });
  expect(result.code).not.toBe(0);
  expect(result.stderr.trim()).toBe(SHORT_SECRET_LINE);
  expect(await answers(port)).toBe(false);
});

test("a short AUTH_SECRET stops a bare `next start` too, with the same line", async () => {
  const port = await freePort();
  const result = await start([join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)], {
    AUTH_SECRET: "too-short",
    DATABASE_URL: databaseUrl(),
    NODE_ENV: "production",
  });
  expect(result.code).not.toBe(0);
  expect(result.stderr).toContain(SHORT_SECRET_LINE);
  expect(await answers(port)).toBe(false);
});
