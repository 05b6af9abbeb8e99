import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Playwright cannot download its own browser here; use the system's Chromium.
const chromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => p && existsSync(p));
if (!chromium) {
  console.error("No Chromium found: install it with `apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium binary.");
  process.exit(1);
}

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  // One server on one database: specs share it, so they run one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    locale: "en-US",
    timezoneId: "Asia/Jakarta",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "npx tsx tests/support/e2e-server.ts",
    url: `${baseURL}/api/health`,
    // Short intervals so live updates and background work show up within a test's patience.
    // Request lines stay out of the test output; /api/metrics exists, behind a token nobody sends.
    env: {
      E2E_PORT: String(port),
      BOARD_REFRESH_MS: "1000",
      LOG_LEVEL: "warn",
      METRICS_TOKEN: "e2e-metrics-token-never-sent",
      INBOUND_WEBHOOK_SECRET: "e2e-inbound-webhook-secret-0123456789",
      INBOUND_POLL_MS: "1000",
      // Every spec files its complaints from 127.0.0.1, more in an hour than the per-address limit lets
      // one customer file; the limit itself is proven by the hostile suite (playwright.hostile.config.ts).
      COMPLAINT_LIMIT_PER_IP: "1000",
    },
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
