import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { TEST_BYTES } from "../../src/features/attachments/test-files";
import { hashPassword } from "../../src/server/auth/password";
import { expect, fileComplaintThroughForm, signInAs, STAFF, test } from "./fixtures";

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

  const ticket = await db.ticket.findFirstOrThrow({
    where: { assigneeId: null, stage: { not: "CLOSED" } },
    select: { id: true, version: true },
  });
  const eventsBefore = await db.ticketEvent.count();
  for (const [id, action] of staffActions) {
    const page =
      Object.keys(action.workers)[0]!
        .replace(/^app/, "")
        .replace(/\/page$/, "") || "/";
    const response = await request.post(page, {
      headers: { "Next-Action": id, Accept: "text/x-component", Origin: baseURL! },
      // React's reply encoding: argument 0 is a FormData whose fields carry the "_1_" prefix.
      multipart: { "0": JSON.stringify(["$K1"]), _1_ticketId: ticket.id },
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
    data: {
      email,
      name: "Temporary Supervisor",
      role: "SUPERVISOR",
      passwordHash: await hashPassword("a long passphrase that is never truncated by the server at all"),
    },
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
  const first = await db.ticket.findFirstOrThrow({
    orderBy: { number: "asc" },
    select: { subject: true, customer: { select: { email: true, name: true } } },
  });
  for (const token of ["A".repeat(43), "not-a-token", "TGP-000001", "..%2F..%2Fetc%2Fpasswd"]) {
    const response = await request.get(`/track/${token}`, { headers: { "Accept-Language": "en" } });
    expect(response.status(), token).toBe(404);
    const body = await response.text();
    expect(body).toContain("Page not found");
    for (const secret of [first.subject, first.customer.email, first.customer.name]) expect(body).not.toContain(secret);
  }
});

test("another customer reaches none of a ticket or its files: near, random or borrowed keys and bare references are 404s without detail", async ({
  browser,
  db,
}) => {
  const mine = { name: "Wulan Sari", email: `wulan.${Date.now()}@example.com`, file: "bukti-transfer-wulan.png" };
  const stranger = await browser.newContext({ locale: "en-US" });
  const owner = await browser.newContext({ locale: "en-US" });
  const filed = await fileComplaintThroughForm(
    await owner.newPage(),
    {
      name: mine.name,
      email: mine.email,
      category: "Payment problem",
      narrative: "My transfer was taken twice from my account for order 7781.",
      desiredOutcome: "Return the second transfer",
    },
    [{ name: mine.file, mimeType: "image/png", buffer: Buffer.from(TEST_BYTES.png) }],
  );
  // The other customer has a complaint, a file and a working link of their own, and browses with them.
  const strangerPage = await stranger.newPage();
  const theirs = await fileComplaintThroughForm(
    strangerPage,
    {
      name: "Agus Salim",
      email: `agus.${Date.now()}@example.com`,
      category: "Payment problem",
      narrative: "The card terminal declined my card but the bank charged me.",
      desiredOutcome: "A refund",
    },
    [{ name: "struk-agus.pdf", mimeType: "application/pdf", buffer: Buffer.from(TEST_BYTES.pdf) }],
  );
  await strangerPage.goto(theirs.trackingUrl);
  const number = Number(filed.reference.slice(4));
  const myFile = await db.attachment.findFirstOrThrow({ where: { ticket: { number } }, select: { id: true } });
  const theirFile = await db.attachment.findFirstOrThrow({
    where: { ticket: { number: Number(theirs.reference.slice(4)) } },
    select: { id: true },
  });

  // The owner's own link and file work, so every 404 below is about the key, not the route.
  expect((await owner.request.get(`/track/${filed.token}`)).status()).toBe(200);
  expect((await owner.request.get(`/api/attachments/${myFile.id}?token=${filed.token}`)).status()).toBe(200);
  await owner.close();

  const swap = (token: string, at: number) => token.slice(0, at) + (token[at] === "A" ? "B" : "A") + token.slice(at + 1);
  const next = (token: string) => {
    const bytes = Buffer.from(token, "base64url");
    bytes[bytes.length - 1] = (bytes[bytes.length - 1]! + 1) & 0xff;
    return bytes.toString("base64url");
  };
  const nearTokens = [
    swap(filed.token, 0),
    swap(filed.token, 21),
    swap(filed.token, 42),
    next(filed.token),
    filed.token.slice(0, -1),
    `${filed.token}A`,
    filed.token.toUpperCase(),
    filed.token.toLowerCase(),
  ].filter((t) => t !== filed.token);
  const randomTokens = Array.from({ length: 5 }, () => randomBytes(32).toString("base64url"));
  const neighbours = [number - 1, number + 1].map((n) => `TGP-${String(n).padStart(6, "0")}`);
  const urls = [
    ...[...randomTokens, ...nearTokens].map((t) => `/track/${t}`),
    `/track/${filed.reference}`,
    `/track/${filed.reference.toLowerCase()}`,
    `/track/${number}`,
    ...neighbours.map((r) => `/track/${r}`),
    // The stranger's own token does not open another ticket's file, nor do near or random ones.
    `/api/attachments/${myFile.id}?token=${theirs.token}`,
    ...[...randomTokens, ...nearTokens].map((t) => `/api/attachments/${myFile.id}?token=${encodeURIComponent(t)}`),
    `/api/attachments/${myFile.id}`,
    `/api/attachments/${myFile.id}?token=${filed.reference}`,
    `/api/attachments/${filed.reference}?token=${theirs.token}`,
    `/api/attachments/${theirFile.id}?token=${filed.token.slice(0, -1)}`,
  ];
  const secrets = [filed.reference, mine.name, mine.email, mine.file, "transfer was taken twice"];
  for (const url of urls) {
    const response = await stranger.request.get(url, { headers: { "Accept-Language": "en" } });
    expect(response.status(), url).toBe(404);
    const body = await response.text();
    // Next's router state repeats the requested path, so what the URL itself holds may come back; nothing else may.
    for (const secret of secrets.filter((x) => !url.includes(x))) expect(body, `${url} reveals ${secret}`).not.toContain(secret);
    if (url.startsWith("/api/")) expect(body, url).toBe("");
  }
  // Their own page shows their own complaint, and nothing of this one.
  const ownPage = await (await stranger.request.get(`/track/${theirs.token}`)).text();
  expect(ownPage).toContain(theirs.reference);
  for (const secret of secrets) expect(ownPage).not.toContain(secret);
  await stranger.close();
});

test("the health endpoint answers ok while the database answers", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});
