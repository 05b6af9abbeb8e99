import AxeBuilder from "@axe-core/playwright";
import { expect, signInAs, STAFF, test } from "./fixtures";

test("an admin adds a member of staff who can sign in at once, then deactivates them and they are signed out", async ({
  page,
  browser,
  db,
}) => {
  test.setTimeout(120_000);
  const email = `dewi.${Date.now()}@tanggap.test`;
  const password = "a passphrase given in person";
  await signInAs(page.request, STAFF.admin);
  await page.goto("/admin");

  const form = page.getByRole("form", { name: "Add a member of staff" });
  await form.getByLabel("Name", { exact: true }).fill("Dewi Lestari");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption({ label: "Agent" });
  await form.getByLabel("Team").selectOption({ label: "Returns" });
  await form.getByLabel("Initial password").fill("too short");
  await form.getByRole("button", { name: "Add a member of staff" }).click();
  await expect(form.getByText("Too short: at least 12 characters.")).toBeVisible();
  // A refused form keeps what was typed, but never echoes a password.
  await expect(form.getByLabel("Email")).toHaveValue(email);
  await expect(form.getByLabel("Initial password")).toHaveValue("");

  await form.getByLabel("Initial password").fill(password);
  await form.getByRole("button", { name: "Add a member of staff" }).click();
  await expect(form.getByRole("status")).toHaveText("Added. They can sign in now with the initial password.");
  await expect(page.getByRole("cell", { name: email })).toBeVisible();

  const member = await browser.newContext({ locale: "en-US" });
  const memberPage = await member.newPage();
  await signInAs(memberPage.request, email, password);
  expect((await memberPage.goto("/agent"))?.status()).toBe(200);
  await expect(memberPage.getByTestId("signed-in-as")).toHaveText("Dewi Lestari");

  await page.getByRole("link", { name: "Dewi Lestari" }).click();
  await expect(page.getByRole("heading", { name: "Dewi Lestari" })).toBeVisible();
  await page.getByRole("button", { name: "Deactivate Dewi Lestari" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Access changed" })).toBeVisible();

  // The member's very next request finds them signed out.
  await memberPage.goto("/agent");
  await expect(memberPage).toHaveURL(/\/login/);
  await member.close();

  const row = await db.auditLog.findFirstOrThrow({
    where: { entity: "User", action: "user.deactivated" },
    orderBy: { id: "desc" },
    select: { before: true, after: true },
  });
  expect(row).toMatchObject({ before: { email, active: true }, after: { email, active: false } });
  await page.goto("/admin/audit?entity=User");
  await expect(page.getByRole("cell", { name: "Deactivated Dewi Lestari" }).first()).toBeVisible();
});

test("an admin edits a template and sees the preview follow, and an unknown placeholder is refused", async ({ page, db }) => {
  await signInAs(page.request, STAFF.admin);
  await page.goto("/admin/templates");
  await page.getByRole("link", { name: "Edit template: Apology, All categories, English" }).click();
  await expect(page.getByRole("heading", { name: "Apology · All categories · English" })).toBeVisible();

  const preview = page.getByTestId("template-preview");
  await page.getByLabel("Subject").fill("Our apologies for {reference}");
  await page.getByLabel("Text").fill("Dear {customerName},\nwe are sorry. Your order {orderNumber} is on its way back.");
  await expect(preview).toContainText("Our apologies for TGP-000123");
  await expect(preview).toContainText("Dear Maria Gomez,");
  await expect(preview).toContainText("Tanggap cannot fill {orderNumber}; saving will be refused.");

  await page.getByRole("button", { name: "Save template" }).click();
  await expect(
    page.getByText("Tanggap cannot fill {orderNumber}. Use only the placeholders listed, or write the words out."),
  ).toBeVisible();
  await expect(page.getByLabel("Text")).toHaveValue(/\{orderNumber\}/);

  await page.getByLabel("Text").fill("Dear {customerName},\nwe are sorry. {agentName} will call you today.");
  await expect(preview).toContainText("Dewi will call you today.");
  await page.getByRole("button", { name: "Save template" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Template saved." })).toBeVisible();

  const stored = await db.messageTemplate.findFirstOrThrow({
    where: { kind: "APOLOGY", locale: "en", categoryId: null },
    select: { subject: true, body: true },
  });
  expect(stored).toEqual({
    subject: "Our apologies for {reference}",
    body: "Dear {customerName},\nwe are sorry. {agentName} will call you today.",
  });
});

test("the SLA page states what a changed target does to tickets already open", async ({ page }) => {
  await signInAs(page.request, STAFF.admin);
  await page.goto("/admin/sla");
  await expect(page.getByTestId("sla-change-rule")).toContainText("A stage already running keeps the deadline it started with");
});

test("agents and supervisors get 403 on every /admin page", async ({ page, db }) => {
  const [category, member] = await Promise.all([
    db.category.findFirstOrThrow({ select: { id: true } }),
    db.user.findFirstOrThrow({ where: { email: STAFF.agent }, select: { id: true } }),
  ]);
  const paths = [
    "/admin",
    `/admin/staff/${member.id}`,
    "/admin/teams",
    "/admin/categories",
    `/admin/categories/${category.id}`,
    "/admin/sla",
    "/admin/calendars",
    "/admin/templates",
    "/admin/templates/edit?kind=APOLOGY&locale=en&category=",
    "/admin/audit",
  ];
  for (const role of ["agent", "supervisor"] as const) {
    await page.context().clearCookies();
    await signInAs(page.request, STAFF[role]);
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), `${role} at ${path}`).toBe(403);
    }
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  }
});

test("the /admin pages have no serious accessibility violations, errors showing included", async ({ page, db }) => {
  // axe takes several seconds a page on a shared two-core machine.
  test.setTimeout(300_000);
  const category = await db.category.findFirstOrThrow({ select: { id: true } });
  const member = await db.user.findFirstOrThrow({ where: { email: STAFF.agent }, select: { id: true } });
  const serious = async () => {
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    return violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  };
  await signInAs(page.request, STAFF.admin);
  for (const path of [
    "/admin",
    `/admin/staff/${member.id}`,
    "/admin/teams",
    "/admin/categories",
    `/admin/categories/${category.id}`,
    "/admin/sla",
    "/admin/calendars",
    "/admin/templates",
    "/admin/templates/edit?kind=SURVEY&locale=id&category=",
    "/admin/audit",
  ]) {
    await page.goto(path);
    expect(await serious(), path).toEqual([]);
  }
  // A refused weekly grid: the error sits on the day to fix, and focus goes there.
  await page.goto("/admin/calendars");
  // The shipped regulators' calendars sit beside the office's own: the office's is the one edited here.
  const office = page.getByRole("form", { name: "Hours of Jakarta office" });
  await office.getByLabel("Tuesday closes").fill("07:00");
  await office.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("The closing time must be after the opening time.")).toBeVisible();
  await expect(office.getByLabel("Tuesday opens")).toBeFocused();
  expect(await serious(), "calendar with errors").toEqual([]);
});
