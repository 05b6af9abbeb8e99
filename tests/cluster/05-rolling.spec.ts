import { BASE_URL } from "../support/cluster";
import { expect, test } from "./fixtures";
import { fileComplaint, type Filed } from "./support";

test("a rolling restart, SIGTERM to each instance in turn and a start again, fails no request", async ({ cluster }) => {
  const tag = `roll${Date.now()}`;
  let running = true;
  const filed: Filed[] = [];
  const pages: { status: number; servedBy: string | null }[] = [];
  // Two clients at once, small and bounded by the restarts: one files complaints, one reads a page.
  const complaints = (async () => {
    for (let i = 0; running; i++) filed.push(await fileComplaint(tag, i));
  })();
  const reads = (async () => {
    while (running) {
      try {
        const response = await fetch(`${BASE_URL}/complaints/new`);
        await response.arrayBuffer();
        pages.push({ status: response.status, servedBy: response.headers.get("x-served-by") });
      } catch {
        pages.push({ status: 0, servedBy: null });
      }
    }
  })();
  try {
    for (const instance of cluster.instances) {
      // Drains: readiness 503, the balancer stops sending, requests in flight finish, claims released, exit 0.
      expect(await cluster.stopInstance(instance), `${instance.name} exit code`).toBe(0);
      await cluster.startInstance(instance);
      await cluster.waitBalanced();
    }
  } finally {
    running = false;
    await Promise.all([complaints, reads]);
  }
  expect(filed.length).toBeGreaterThan(0);
  expect(filed.filter((f) => f.outcome !== "acknowledged")).toEqual([]);
  expect(pages.filter((p) => p.status !== 200)).toEqual([]);
  // Both instances served the load, before and after their restarts.
  expect(new Set([...filed, ...pages].map((r) => r.servedBy))).toEqual(new Set(["app1", "app2"]));
  const [stored] = await cluster.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Ticket" t JOIN "Customer" c ON c.id = t."customerId" WHERE c.email LIKE $1`,
    [`${tag}-%`],
  );
  expect(stored!.n).toBe(filed.length);
});
