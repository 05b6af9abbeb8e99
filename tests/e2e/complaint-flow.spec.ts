import { expect, signInAs, STAFF, test } from "./fixtures";

test("a customer files a complaint, follows it by its private link, and an agent sees it in the queue", async ({ page, browser, db }) => {
  const narrative = "The shelf price was Rp 225.000 but I was charged Rp 275.000 at the till.";
  await page.goto("/complaints/new");
  await page.getByLabel("Your name").fill("Rina Kusuma");
  await page.getByLabel("Email").fill("rina.kusuma@example.com");
  await page.getByLabel("Phone").fill("+62 813 9988 7766");
  await page.getByLabel("What is it about?").selectOption({ label: "Payment problem" });
  await page.getByLabel("What happened").fill(narrative);
  await page.getByLabel("Store or branch").fill("Supermarket Segar, Kemang branch");
  await page.getByLabel("Order or receipt number").fill("INV/2026/11/0099");
  await page.getByLabel("Purchase date").fill("2026-11-20");
  await page.getByLabel("Amount").fill("275000");
  await page.getByLabel("What would you like us to do?").fill("Refund the difference");
  await page.getByRole("button", { name: "Send complaint" }).click();
  await expect(page.getByRole("heading", { name: "We have received your complaint" })).toBeVisible();
  const reference = (await page.getByTestId("reference").textContent())!.trim();
  expect(reference).toMatch(/^TGP-\d{6}$/);
  await expect(page.getByTestId("reply-by")).toContainText("We will reply by");

  // The whole link, ready to copy.
  await expect(page.getByTestId("tracking-link")).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/track\/[A-Za-z0-9_-]{43}$/);
  await page.getByTestId("tracking-link").click();
  await expect(page).toHaveURL(/\/track\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId("reference")).toHaveText(reference);
  await expect(page.getByTestId("stage")).toHaveText("Received — a person will read it shortly");
  await expect(page.getByTestId("narrative")).toHaveText(narrative);
  await expect(page.getByText("Supermarket Segar, Kemang branch")).toBeVisible();
  await expect(page.getByText("We will reply by")).toBeVisible();

  const stored = await db.ticket.findUniqueOrThrow({
    where: { number: Number(reference.slice(4)) },
    select: { stage: true, customer: { select: { email: true } } },
  });
  expect(stored).toEqual({ stage: "NEW", customer: { email: "rina.kusuma@example.com" } });

  const agent = await browser.newContext();
  const agentPage = await agent.newPage();
  await signInAs(agentPage.request, STAFF.agent);
  await agentPage.goto("/agent");
  const row = agentPage.locator(`[data-testid=queue-row][data-reference="${reference}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText("Rina Kusuma");
  await expect(row).toContainText("Payment problem");
  await expect(row).toContainText("New");
  await expect(row.locator("[data-deadline]")).toContainText(/Due in|At risk/);

  await row.getByRole("button", { name: "Claim" }).click();
  await expect(row).toContainText("You");
  await row.getByRole("link", { name: reference }).click();
  await expect(agentPage.getByTestId("narrative")).toHaveText(narrative);
  await expect(agentPage.getByText("Supermarket Segar, Kemang branch")).toBeVisible();
  await expect(agentPage.getByTestId("timeline")).toContainText("Assignee changed");
  await agent.close();
});

test("staff sign in through the login form and return to the page they asked for", async ({ page }) => {
  await page.goto("/supervisor");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsupervisor/);
  await page.getByLabel("Email").fill(STAFF.supervisor);
  await page.getByLabel("Password").fill("tanggap-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/supervisor$/);
  await expect(page.getByRole("heading", { name: "Overdue and at risk" })).toBeVisible();
  // The demo always has overdue tickets.
  await expect(page.locator("[data-testid=board-row][data-overdue=true]").first()).toBeVisible();
});

test("the public pages speak Bahasa Indonesia to an Indonesian browser, and the choice can be switched", async ({ browser }) => {
  const context = await browser.newContext({ locale: "id-ID" });
  const page = await context.newPage();
  await page.goto("/complaints/new");
  await expect(page.getByRole("heading", { name: "Ajukan keluhan" })).toBeVisible();
  await expect(page.getByLabel("Nama Anda")).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "File a complaint" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Your name")).toBeVisible();
  await context.close();
});
