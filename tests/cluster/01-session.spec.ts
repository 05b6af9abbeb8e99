import { signInAs, STAFF } from "../e2e/fixtures";
import { DATABASE } from "../support/cluster";
import { SERVED_BY } from "../support/haproxy";
import { expect, test } from "./fixtures";

test("a browser session signs in through the balancer and keeps working while its pages alternate between the instances", async ({
  page,
  cluster,
}) => {
  const served: string[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "document") served.push(response.headers()[SERVED_BY] ?? "none");
  });
  await signInAs(page.request, STAFF.supervisor);
  // The queue, the board and the reports, in turn, until each instance has served some of them
  // (round robin makes that the second or third page; the bound only stops a broken balancer).
  const pages = ["/agent", "/supervisor", "/supervisor/reports"];
  for (let i = 0; i < 12 && !(served.includes("app1") && served.includes("app2")); i++) {
    const path = pages[i % pages.length]!;
    const response = await page.goto(path);
    expect(response?.status(), `${path} (${served.at(-1)})`).toBe(200);
    // Still signed in, whichever instance answered: no detour to the sign-in page.
    expect(new URL(page.url()).pathname).toBe(path);
    await expect(page.getByRole("main")).toBeVisible();
  }
  expect(new Set(served)).toEqual(new Set(["app1", "app2"]));

  // Those readers (queue, board, reports) read the replica: both instances hold connections to it.
  const onReplica = await cluster.sql<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()",
    [DATABASE],
    "replica",
  );
  expect(onReplica[0]!.n).toBeGreaterThan(0);
});
