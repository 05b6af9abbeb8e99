// A staff session can be ended: a copied session cookie stops working once its owner signs out, or
// an admin signs them out everywhere, deactivates and reactivates them (issue 13).
import { signInCookie } from "../support/server-actions";
import { DEMO_PASSWORD, expect, signInAs, STAFF, test } from "./fixtures";

/** Where a request to the queue with this cookie ends up: the page (200) or the sign-in (307). */
async function queueWith(baseURL: string, cookie: string): Promise<number> {
  const response = await fetch(new URL("/agent", baseURL), { headers: { Cookie: cookie }, redirect: "manual" });
  await response.arrayBuffer();
  if (response.status === 307) expect(response.headers.get("location")).toMatch(/^\/login/);
  return response.status;
}

test("a copied session cookie is refused once its owner signs out", async ({ page, baseURL }) => {
  await signInAs(page.request, STAFF.agent);
  const copied = (await page.context().cookies())
    .filter((c) => c.name.includes("authjs.session-token"))
    .map((c) => `${c.name}=${c.value}`)
    .join("; ");
  expect(copied).not.toBe("");
  expect(await queueWith(baseURL!, copied)).toBe(200);

  await page.goto("/agent");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  expect(await queueWith(baseURL!, copied)).toBe(307);
});

test("an admin's 'sign out everywhere', and a deactivation undone, each end the sessions a member of staff had", async ({
  page,
  db,
  baseURL,
}) => {
  const agent = await db.user.findUniqueOrThrow({ where: { email: STAFF.agent }, select: { id: true, name: true } });
  await signInAs(page.request, STAFF.admin);

  const stolen = await signInCookie(baseURL!, STAFF.agent, DEMO_PASSWORD);
  expect(await queueWith(baseURL!, stolen)).toBe(200);
  await page.goto(`/admin/staff/${agent.id}`);
  await page.getByRole("button", { name: `Sign ${agent.name} out everywhere` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Signed out everywhere" })).toBeVisible();
  expect(await queueWith(baseURL!, stolen)).toBe(307);

  const copied = await signInCookie(baseURL!, STAFF.agent, DEMO_PASSWORD);
  expect(await queueWith(baseURL!, copied)).toBe(200);
  await page.getByRole("button", { name: `Deactivate ${agent.name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Access changed" })).toBeVisible();
  await page.goto(`/admin/staff/${agent.id}`);
  await page.getByRole("button", { name: `Reactivate ${agent.name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Access changed" })).toBeVisible();
  expect((await db.user.findUniqueOrThrow({ where: { id: agent.id }, select: { active: true } })).active).toBe(true);
  expect(await queueWith(baseURL!, copied)).toBe(307);

  // The person themselves signs in again as usual.
  expect(await queueWith(baseURL!, await signInCookie(baseURL!, STAFF.agent, DEMO_PASSWORD))).toBe(200);
});
