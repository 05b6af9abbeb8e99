import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// `npm run test:cluster`: two production instances behind HAProxy on a throwaway PostgreSQL primary
// and its streaming replica (tests/support/cluster.ts), started once for the whole run by a
// worker-scoped fixture (tests/cluster/fixtures.ts). One worker: the specs share that cluster and
// run in file order, each leaving every instance and the replica running.
const chromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => p && existsSync(p));

export default defineConfig({
  testDir: "tests/cluster",
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 180_000,
  globalTimeout: 10 * 60_000,
  expect: { timeout: 30_000 },
  reporter: [["list"]],
  use: {
    baseURL: "http://127.0.0.1:3170",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
});
