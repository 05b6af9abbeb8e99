import { signInAs, STAFF } from "../e2e/fixtures";
import { SERVED_BY } from "../support/haproxy";
import { expect, test } from "./fixtures";
import { fileComplaint } from "./support";

test("with the replica stopped, the queue, the board and the reports read the primary and nothing breaks", async ({ page, cluster }) => {
  await signInAs(page.request, STAFF.supervisor);
  cluster.stopReplica();
  try {
    const filed = await fileComplaint(`replica${Date.now()}`, 0);
    expect(filed.outcome).toBe("acknowledged");
    const served = new Set<string>();
    // Each reader twice, so each instance meets the stopped replica.
    for (const path of ["/agent", "/supervisor", "/supervisor/reports", "/agent", "/supervisor", "/supervisor/reports"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      served.add(response?.headers()[SERVED_BY] ?? "");
      expect(new URL(page.url()).pathname).toBe(path);
      await expect(page.getByRole("main")).toBeVisible();
    }
    expect(served).toEqual(new Set(["app1", "app2"]));
    // The queue, read from the primary, has the complaint filed a moment ago.
    await page.goto(`/agent?q=${encodeURIComponent(filed.reference!)}`);
    await expect(page).toHaveURL(new RegExp(`/agent/tickets/${filed.reference}$`));
  } finally {
    cluster.startReplica();
  }
});
