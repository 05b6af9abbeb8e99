import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { expect, fileComplaintThroughForm, signInAs, STAFF, test } from "./fixtures";

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

for (const locale of ["en-US", "id-ID"]) {
  test(`the public pages have no serious accessibility violations (${locale})`, async ({ browser }) => {
    // Six pages through axe: about 50 s on a quiet machine, more while the cores are shared.
    test.setTimeout(120_000);
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    for (const path of ["/", "/complaints/new", "/track", "/login", "/track/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"]) {
      await page.goto(path);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    // The form with its errors showing, and focus on the first of them.
    await page.goto("/complaints/new");
    await page.locator("form button[type=submit]").last().click();
    await expect(page.locator("[aria-invalid=true]").first()).toBeFocused();
    expect(await seriousViolations(page), "form with errors").toEqual([]);
    await context.close();
  });
}

test("the tracking page, with its reply form, has no serious accessibility violations", async ({ page }) => {
  const { trackingUrl } = await fileComplaintThroughForm(page, {
    name: "Nur Aini",
    email: `nur.${Date.now()}@example.com`,
    category: "Product return",
    narrative: "The shirt I ordered is purple, not the dark blue in the photo on your site.",
    desiredOutcome: "A refund",
  });
  expect(await seriousViolations(page), "receipt").toEqual([]);
  await page.goto(trackingUrl);
  expect(await seriousViolations(page), "tracking page").toEqual([]);
});

// Dark mode follows the system setting: every key page, customer's and staff's, is checked in both
// schemes, colour contrast included (axe's color-contrast is among the wcag2aa rules above).
for (const colorScheme of ["light", "dark"] as const) {
  test(`the key pages have no serious accessibility violations in the ${colorScheme} colour scheme`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.emulateMedia({ colorScheme });
    const check = async (what: string) => expect(await seriousViolations(page), `${what} (${colorScheme})`).toEqual([]);

    await page.goto("/");
    // The scheme really is the one asked for: the page's background is dark only in dark mode.
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const lightness = await page.evaluate((color) => {
      const probe = document.createElement("canvas").getContext("2d")!;
      probe.fillStyle = color;
      probe.fillRect(0, 0, 1, 1);
      const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
      return (r! + g! + b!) / 3;
    }, background);
    if (colorScheme === "dark") expect(lightness, background).toBeLessThan(60);
    else expect(lightness, background).toBeGreaterThan(200);
    await check("home");
    for (const path of ["/complaints/new", "/track", "/login"]) {
      await page.goto(path);
      await check(path);
    }
    const { reference, trackingUrl } = await fileComplaintThroughForm(page, {
      name: "Dewi Lestari",
      email: `dewi.${colorScheme}.${Date.now()}@example.com`,
      category: "Payment problem",
      narrative: "My card was charged twice for one order of groceries last Saturday.",
      desiredOutcome: "The second charge refunded",
    });
    await check("receipt");
    await page.goto(trackingUrl);
    await check("tracking page");

    await signInAs(page.request, STAFF.agent);
    await page.goto("/agent");
    await check("queue");
    await page.goto(`/agent/tickets/${reference}`);
    await check("workspace");
    await expect(page.locator("html[data-workspace-keys=on]")).toBeVisible();
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog")).toBeVisible();
    await check("workspace, shortcuts list");
    await page.keyboard.press("Escape");
    await page.goto(`/agent/search?q=${encodeURIComponent("charged twice")}`);
    await check("search results");
    await page.goto("/notifications");
    await check("notifications");

    await signInAs(page.request, STAFF.supervisor);
    await page.goto("/supervisor");
    await check("supervisor board");
    await page.goto("/supervisor/reports");
    await check("reports");

    await signInAs(page.request, STAFF.admin);
    await page.goto("/admin");
    await check("admin");
  });
}

test("the public form can be completed with the keyboard alone", async ({ page }) => {
  await page.goto("/complaints/new");
  // Tabs forward until the control has focus: every control must be reachable, in order.
  const tabTo = async (control: Locator) => {
    for (let i = 0; i < 12 && !(await control.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(control).toBeFocused();
  };
  await page.getByLabel("Your name").focus();
  await page.keyboard.type("Keyboard User");
  await tabTo(page.getByLabel("Email"));
  await page.keyboard.type("keyboard@example.com");
  await tabTo(page.getByLabel("What is it about?"));
  await page.keyboard.press("ArrowDown");
  await tabTo(page.getByLabel("What happened"));
  await page.keyboard.type("I could not use the self-checkout because the screen froze twice.");
  await tabTo(page.getByLabel("What would you like us to do?"));
  await page.keyboard.type("An explanation");
  await tabTo(page.getByRole("button", { name: "Send complaint" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "We have received your complaint" })).toBeVisible();
});
