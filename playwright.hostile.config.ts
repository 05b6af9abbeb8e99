import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// `npm run test:hostile`: load, faults and attacks over HTTP against the production build, on a
// server and database of their own (state in .data/hostile), beside the end-to-end suite.
const chromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => p && existsSync(p));
const port = Number(process.env.HOSTILE_PORT ?? 3101);
const baseURL = `http://127.0.0.1:${port}`;
process.env.E2E_STATE_DIR = ".data/hostile";

export default defineConfig({
  testDir: "tests/hostile",
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 300_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: { baseURL, launchOptions: { executablePath: chromium, args: ["--no-sandbox", "--disable-gpu"] } },
  webServer: {
    command: "npx tsx tests/support/e2e-server.ts",
    url: `${baseURL}/api/health`,
    env: {
      E2E_PORT: String(port),
      E2E_STATE_DIR: ".data/hostile",
      // The load test files hundreds of complaints from this one machine: the documented setting
      // for many customers behind one address, not a switch that turns the limit off.
      COMPLAINT_LIMIT_PER_IP: "5000",
      // Links we hand out go to the configured public address, whatever a request's headers say;
      // TLS at that address also makes the session cookies Secure.
      PUBLIC_BASE_URL: "https://tanggap.example",
      // The SLA monitor checks often, so a test sees it resume within its patience (mail: 500 ms).
      SLA_MONITOR_INTERVAL_MS: "500",
      // One JSON line per request would drown the test output.
      LOG_LEVEL: "warn",
    },
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
