import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { waitFor } from "./http";

const nextBin = () => createRequire(import.meta.url).resolve("next/dist/bin/next");

export interface RunningServer {
  baseUrl: string;
  /** The process the bench started (for the app, the launcher: its server is its child). */
  pid: number;
  stop(): Promise<void>;
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry === ".next" || entry === "generated") continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Whether the production build in `dir`/.next is missing or older than any of its sources. */
export function buildIsStale(dir: string, sources: string[]): boolean {
  const buildId = join(dir, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return sources.some((s) => newestMtime(join(dir, s)) > built);
}

function run(command: string, args: string[], cwd: string, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(logFile, { flags: "a" });
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"], env: process.env });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (exit ${code}); see ${logFile}`)),
    );
  });
}

export async function nextBuild(dir: string, logFile: string): Promise<void> {
  await run(process.execPath, [nextBin(), "build", dir], process.cwd(), logFile);
}

/** `next build` of the app in `root` when its build is missing or older than its sources. */
export async function ensureAppBuild(root: string, logFile: string, log: (line: string) => void): Promise<void> {
  if (!buildIsStale(root, ["src", "messages", "next.config.ts", "package-lock.json", "postcss.config.mjs"])) return;
  log("Building the app (next build)...");
  await nextBuild(root, logFile);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
    });
}

/**
 * The production server as `npm start` runs it (scripts/serve.ts → scripts/lib/launch.ts: migrations,
 * reference seed, `next start`), against the bench database.
 */
export async function startApp(opts: {
  root: string;
  port: number;
  databaseUrl: string;
  env: Record<string, string>;
  logFile: string;
}): Promise<RunningServer> {
  const log = createWriteStream(opts.logFile, { flags: "a" });
  // tsx as a loader, not its CLI: the CLI runs the script in a child of its own, and a SIGTERM to it
  // left `next start` running. This way the signal reaches launch(), which passes it to Next.
  const child = spawn(process.execPath, ["--import", "tsx", join(opts.root, "scripts", "serve.ts")], {
    cwd: opts.root,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...opts.env, NODE_ENV: "production", PORT: String(opts.port), DATABASE_URL: opts.databaseUrl },
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const exited = new Promise<never>((_, reject) =>
    child.on("exit", (code) => reject(new Error(`the app exited (${code}); see ${opts.logFile}`))),
  );
  await Promise.race([waitFor(`${baseUrl}/api/health`, 180_000), exited]);
  exited.catch(() => undefined);
  return { baseUrl, pid: child.pid!, stop: stopper(child) };
}

/** The ceiling: bench/ceiling's no-op route handler under `next start`. */
export async function startCeiling(opts: { dir: string; port: number; logFile: string }): Promise<RunningServer> {
  const log = createWriteStream(opts.logFile, { flags: "a" });
  const child = spawn(process.execPath, [nextBin(), "start", opts.dir, "--port", String(opts.port)], {
    stdio: ["ignore", "pipe", "pipe"],
    // Next builds the repository's src/instrumentation.ts into the ceiling too (it finds the
    // workspace's src/), whose settings check stops a start without AUTH_SECRET: a throwaway one,
    // and no background loops against the bench's server.
    env: { ...process.env, NODE_ENV: "production", AUTH_SECRET: randomBytes(33).toString("base64"), BACKGROUND_WORK: "0" },
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  await waitFor(`${baseUrl}/noop`, 60_000);
  return { baseUrl, pid: child.pid!, stop: stopper(child) };
}
