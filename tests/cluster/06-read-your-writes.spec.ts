// The replica made to lag for real: its replay paused (pg_wal_replay_pause), so every change on the
// primary waits in its WAL. Through the balancer and a browser: the member of staff who changed
// something reads the primary (the signed cookie the action pipeline sets) and sees the change at
// once, whichever instance answers; another member of staff reads the paused replica and does not
// see it yet; the reports page states the lag, and stops once the replica has caught up.
import type { Browser, Page } from "@playwright/test";
import { signInAs, STAFF } from "../e2e/fixtures";
import type { Cluster } from "../support/cluster";
import { SERVED_BY } from "../support/haproxy";
import { expect, test } from "./fixtures";
import { fileComplaint } from "./support";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page.request, email);
  return page;
}

/**
 * Loads `path` until each instance has served it (round robin, shared with the page's other
 * requests, makes that the second or third load; the bound only stops a broken balancer), checking
 * every load.
 */
async function onBothInstances(page: Page, path: string, check: () => Promise<void>): Promise<void> {
  const served = new Set<string>();
  for (let i = 0; i < 8 && served.size < 2; i++) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await check();
    served.add(response?.headers()[SERVED_BY] ?? "");
  }
  expect(served).toEqual(new Set(["app1", "app2"]));
}

const replayState = async (cluster: Cluster) =>
  (await cluster.sql<{ state: string }>("SELECT pg_get_wal_replay_pause_state() AS state", [], "replica"))[0]!.state;

test("while the replica lags, the agent who claimed a ticket sees it claimed, another does not yet, and the reports say so", async ({
  browser,
  cluster,
}) => {
  const tag = `ryw${Date.now()}`;
  // Two, so the queue's search lists them rather than opening the one ticket it found.
  const filed = [await fileComplaint(tag, 0), await fileComplaint(tag, 1)];
  expect(filed.map((f) => f.outcome)).toEqual(["acknowledged", "acknowledged"]);
  const reference = filed[0]!.reference!;
  // Both on the replica before its replay stops.
  await expect
    .poll(async () => {
      const [row] = await cluster.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Ticket" t JOIN "Customer" c ON c.id = t."customerId" WHERE c.email LIKE $1`,
        [`${tag}-%`],
        "replica",
      );
      return row!.n;
    })
    .toBe(2);

  const agent = await signedIn(browser, STAFF.agent);
  const supervisor = await signedIn(browser, STAFF.supervisor);
  const queue = `/agent?q=${tag}`;
  const row = (page: Page) => page.locator(`[data-queue-row][data-reference="${reference}"]`);
  const claim = (page: Page) => row(page).getByRole("button", { name: "Claim" });
  await agent.goto(queue);
  await expect(claim(agent)).toBeVisible();

  await cluster.sql("SELECT pg_wal_replay_pause()", [], "replica");
  try {
    // Requested is enough: the replica applies no further WAL record either way.
    expect(["pause requested", "paused"]).toContain(await replayState(cluster));
    await claim(agent).click();
    // The action's own answer re-renders the queue, and so do fresh loads on either instance.
    await expect(row(agent)).toContainText("You");
    await onBothInstances(agent, queue, async () => {
      await expect(row(agent)).toContainText("You");
      await expect(claim(agent)).toHaveCount(0);
    });

    // The claim is on the primary, not yet on the replica, which the supervisor's queue reads.
    const assigned = `SELECT count(*)::int AS n FROM "Ticket" t JOIN "Customer" c ON c.id = t."customerId" WHERE c.email = $1 AND t."assigneeId" IS NOT NULL`;
    expect((await cluster.sql<{ n: number }>(assigned, [`${tag}-0@example.test`]))[0]!.n).toBe(1);
    expect((await cluster.sql<{ n: number }>(assigned, [`${tag}-0@example.test`], "replica"))[0]!.n).toBe(0);
    await onBothInstances(supervisor, queue, () => expect(claim(supervisor)).toBeVisible());

    // The lag counts from the last change the replica applied; past REPLICA_LAG_NOTICE_SECONDS
    // (3 s in this suite) the reports page says so.
    await expect(async () => {
      await supervisor.goto("/supervisor/reports");
      await expect(supervisor.getByTestId("replica-lag")).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    await expect(supervisor.getByTestId("replica-lag")).toContainText("behind");
  } finally {
    await cluster.sql("SELECT pg_wal_replay_resume()", [], "replica");
  }

  // Caught up: the supervisor sees the claim, and the reports no longer warn, on either instance.
  await expect(async () => {
    await supervisor.goto(queue);
    await expect(claim(supervisor)).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(row(supervisor)).not.toContainText("You");
  // Caught up, the replica measures no lag worth stating: the notice has gone, on both instances.
  await expect(() =>
    onBothInstances(supervisor, "/supervisor/reports", async () => {
      await expect(supervisor.getByRole("main")).toBeVisible();
      await expect(supervisor.getByTestId("replica-lag")).toHaveCount(0, { timeout: 1_000 });
    }),
  ).toPass({ timeout: 60_000 });
});
