import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = fileURLToPath(new URL("./src", import.meta.url));
const alias = {
  "@": src,
  // `server-only` throws outside React's server bundle; tests are server code too.
  "server-only": fileURLToPath(new URL("./tests/support/empty-module.ts", import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          env: { LOG_LEVEL: "warn" },
          include: ["src/**/*.test.ts", "tests/security/**/*.test.ts", "bench/**/*.test.ts"],
          // bench/ceiling/.next holds the ceiling app's build once the bench has run, dependencies' own tests included.
          exclude: ["src/**/*.integration.test.ts", "bench/tmp/**", "bench/ceiling/.next/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          // The background loops log through pino (src/server/ops/logger.ts): failures only.
          env: { LOG_LEVEL: "warn" },
          include: ["src/**/*.integration.test.ts", "tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/integration-global-setup.ts"],
          // One database for the run; files share it, so they run one at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
