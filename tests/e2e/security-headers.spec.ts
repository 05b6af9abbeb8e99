// Headers and cookies a browser relies on: a nonce-based policy with no inline script allowed,
// no framing, and session cookies scripts cannot read — and the pages still work under them.
import type { Page } from "@playwright/test";
import { expect, signInAs, STAFF, test } from "./fixtures";

const PUBLIC_PAGES = ["/", "/complaints/new", "/login", "/track"];
const STAFF_PAGES = ["/agent", "/supervisor", "/supervisor/reports", "/admin"];

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

test("every page carries a fresh nonce policy with no inline scripts, no framing, no plugins", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of PUBLIC_PAGES) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    const csp = directives(headers["content-security-policy"] ?? "");
    const scripts = csp.get("script-src") ?? [];
    expect(scripts, path).toContain("'strict-dynamic'");
    expect(scripts, path).not.toContain("'unsafe-inline'");
    const nonce = scripts.find((s) => s.startsWith("'nonce-"));
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce!);
    expect(csp.get("frame-ancestors"), path).toEqual(["'none'"]);
    expect(csp.get("object-src"), path).toEqual(["'none'"]);
    expect(csp.get("base-uri"), path).toEqual(["'none'"]);
    expect(csp.get("form-action"), path).toEqual(["'self'"]);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBeTruthy();
    expect(headers["permissions-policy"]).toContain("camera=()");
    // Every script Next wrote into the page carries this response's nonce.
    const html = await response.text();
    const value = nonce!.slice("'nonce-".length, -1);
    const scriptTags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scriptTags.length, path).toBeGreaterThan(0);
    for (const tag of scriptTags) expect(tag, path).toContain(`nonce="${value}"`);
  }
  expect(nonces.size).toBe(PUBLIC_PAGES.length);
  // The tracking link is a secret: it never leaves as a referrer.
  expect((await request.get("/track/" + "A".repeat(43))).headers()["referrer-policy"]).toBe("no-referrer");
});

async function watchViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return problems;
}

test("the main pages run in Chromium under the policy without a single violation", async ({ page, db }) => {
  // Nine pages in a real browser, on a machine shared with other work.
  test.setTimeout(180_000);
  const problems = await watchViolations(page);
  for (const path of PUBLIC_PAGES) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
  }
  // Hydrated: React, not the browser's native form post, sends the action (scripts ran).
  await page.goto("/complaints/new");
  const viaReact = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByRole("button", { name: "Send complaint" }).click();
  await viaReact;
  await expect(page.getByRole("alert").first()).toBeVisible();

  await signInAs(page.request, STAFF.admin);
  const ticket = await db.ticket.findFirstOrThrow({ orderBy: { number: "asc" }, select: { number: true } });
  for (const path of [...STAFF_PAGES, `/agent/tickets/TGP-${String(ticket.number).padStart(6, "0")}`]) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
  }
  // Charts (recharts, inline styles) on the reports page render.
  await page.goto("/supervisor/reports");
  await page.waitForLoadState("load");
  await page.waitForTimeout(1_000);
  expect(problems).toEqual([]);
});

test("session cookies are HttpOnly and SameSite=Lax, and not marked Secure over plain HTTP", async ({ request }) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email: STAFF.agent, password: "tanggap-demo", csrfToken, callbackUrl: "/agent" },
    maxRedirects: 0,
  });
  const cookies = response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value);
  const session = cookies.find((c) => /authjs\.session-token=/.test(c));
  expect(session, cookies.join("\n")).toBeTruthy();
  expect(session).toMatch(/;\s*HttpOnly/i);
  expect(session).toMatch(/;\s*SameSite=Lax/i);
  expect(session).not.toMatch(/;\s*Secure/i);
});
