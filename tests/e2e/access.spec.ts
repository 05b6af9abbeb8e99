import { readFileSync } from "node:fs";
import { join } from "node:path";
import { hashPassword } from "../../src/server/auth/password";
import { expect, signInAs, STAFF, test } from "./fixtures";

const STAFF_PAGES = ["/agent", "/agent/tickets/TGP-000001", "/supervisor", "/admin"];

test("signed-out visitors to staff pages are sent to /login by the server", async ({ request }) => {
  for (const path of STAFF_PAGES) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers().location, path).toBe(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
});

test("each role is refused, with a 403 page, where it does not belong", async ({ page }) => {
  const expectations: [keyof typeof STAFF, string, number][] = [
    ["agent", "/agent", 200],
    ["agent", "/supervisor", 403],
    ["agent", "/admin", 403],
    ["supervisor", "/supervisor", 200],
    ["supervisor", "/admin", 403],
    ["admin", "/admin", 200],
    ["admin", "/supervisor", 200],
  ];
  for (const role of ["agent", "supervisor", "admin"] as const) {
    await page.context().clearCookies();
    await signInAs(page.request, STAFF[role]);
    for (const [who, path, status] of expectations.filter(([r]) => r === role)) {
      const response = await page.goto(path);
      expect(response?.status(), `${who} at ${path}`).toBe(status);
      if (status === 403) await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    }
  }
  await page.goto("/admin");
  await expect(page.getByRole("cell", { name: STAFF.agent })).toBeVisible();
});

test("every staff server action refuses an anonymous direct call and changes nothing", async ({ request, db, baseURL }) => {
  const manifest = JSON.parse(readFileSync(join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string; workers: Record<string, unknown> }>;
  };
  // Anyone may file a complaint, sign in or out, and choose a language; everything else is staff-only.
  const PUBLIC_ACTIONS = new Set([
    "submitComplaint",
    "signInWithPassword",
    "signOutAction",
    "setLocale",
    // The customer's own: keyed by the tracking token, checked inside each.
    "customerReplyAction",
    "rateHandlingAction",
    "reopenByCustomerAction",
    "lookupAction",
  ]);
  const staffActions = Object.entries(manifest.node).filter(([, a]) => !PUBLIC_ACTIONS.has(a.exportedName ?? ""));
  expect(staffActions.map(([, a]) => a.exportedName)).toContain("claimTicketAction");

  const ticket = await db.ticket.findFirstOrThrow({ where: { assigneeId: null, stage: { not: "CLOSED" } }, select: { id: true, version: true } });
  const eventsBefore = await db.ticketEvent.count();
  for (const [id, action] of staffActions) {
    const page = Object.keys(action.workers)[0]!.replace(/^app/, "").replace(/\/page$/, "") || "/";
    const response = await request.post(page, {
      headers: { "Next-Action": id, Accept: "text/x-component", Origin: baseURL! },
      // React's reply encoding: argument 0 is a FormData whose fields carry the "_1_" prefix.
      multipart: { "0": JSON.stringify(["$K1"]), "_1_ticketId": ticket.id },
      maxRedirects: 0,
    });
    const body = await response.text();
    expect(body, `${action.exportedName} answered: ${body.slice(0, 200)}`).toContain("notSignedIn");
  }
  expect(await db.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { id: true, version: true } })).toEqual(ticket);
  expect(await db.ticketEvent.count()).toBe(eventsBefore);
});

test("a deactivated or demoted user loses access at once, without signing out", async ({ page, db }) => {
  const email = `temp-${Date.now()}@tanggap.test`;
  const user = await db.user.create({
    data: { email, name: "Temporary Supervisor", role: "SUPERVISOR", passwordHash: await hashPassword("a long passphrase that is never truncated by the server at all") },
  });
  await signInAs(page.request, email, "a long passphrase that is never truncated by the server at all");
  expect((await page.goto("/supervisor"))?.status()).toBe(200);

  await db.user.update({ where: { id: user.id }, data: { role: "AGENT" } });
  expect((await page.goto("/supervisor"))?.status()).toBe(403);

  await db.user.update({ where: { id: user.id }, data: { active: false } });
  await page.goto("/agent");
  await expect(page).toHaveURL(/\/login/);
});

test("sign-in gives the same answer for an unknown email and a wrong password, and throttles guessing", async ({ page }) => {
  const attempt = async (email: string, password: string) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.getByRole("alert").first();
    await expect(alert).not.toHaveText("");
    return (await alert.textContent())?.trim();
  };
  const unknown = await attempt("nobody@tanggap.test", "whatever-password");
  const wrong = await attempt(STAFF.agent, "not-the-password");
  expect(unknown).toBe("The email or password is not correct.");
  expect(wrong).toBe(unknown);

  const target = "throttled@tanggap.test";
  for (let i = 0; i < 10; i++) await attempt(target, `guess-${i}`);
  expect(await attempt(target, "one-more-guess")).toContain("Too many sign-in attempts");
});

test("an unknown or malformed tracking link is a 404 that reveals nothing", async ({ request, db }) => {
  const first = await db.ticket.findFirstOrThrow({ orderBy: { number: "asc" }, select: { subject: true, customer: { select: { email: true, name: true } } } });
  for (const token of ["A".repeat(43), "not-a-token", "TGP-000001", "..%2F..%2Fetc%2Fpasswd"]) {
    const response = await request.get(`/track/${token}`, { headers: { "Accept-Language": "en" } });
    expect(response.status(), token).toBe(404);
    const body = await response.text();
    expect(body).toContain("Page not found");
    for (const secret of [first.subject, first.customer.email, first.customer.name]) expect(body).not.toContain(secret);
  }
});

test("the health endpoint answers ok while the database answers", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});
