import { test as base, expect } from "@playwright/test";
import { startCluster, type Cluster } from "../support/cluster";

/** The one cluster of the run (see playwright.cluster.config.ts), started before the first spec needs it. */
export const test = base.extend<object, { cluster: Cluster }>({
  cluster: [
    async ({}, use) => {
      const cluster = await startCluster();
      // Playwright tears the fixture down even when a test failed; stop() also ends every process.
      await use(cluster);
      await cluster.stop();
    },
    { scope: "worker", timeout: 240_000 },
  ],
});

export { expect };
