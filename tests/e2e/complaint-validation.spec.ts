import { expect, signInAs, STAFF, test } from "./fixtures";

test("an empty form names every missing field, moves focus to the first, and stores nothing", async ({ page, db }) => {
  const before = await db.ticket.count();
  await page.goto("/complaints/new");
  await page.getByRole("button", { name: "Send complaint" }).click();
  await expect(page.getByRole("alert").first()).toContainText("Please correct the fields marked below.");
  for (const label of ["Your name", "Email", "What is it about?", "What happened", "What would you like us to do?"]) {
    const field = page.getByLabel(label, { exact: true });
    await expect(field).toHaveAttribute("aria-invalid", "true");
    const describedBy = (await field.getAttribute("aria-describedby"))!;
    await expect(page.locator(`[id="${describedBy.split(" ").pop()}"]`)).not.toBeEmpty();
  }
  await expect(page.getByLabel("Your name")).toBeFocused();
  expect(await db.ticket.count()).toBe(before);
});

test("malformed values get a message per field and the customer's input is kept", async ({ page, db }) => {
  const before = await db.ticket.count();
  await page.goto("/complaints/new");
  await page.getByLabel("Your name").fill("Budi Santoso");
  await page.getByLabel("Email").fill("budi@");
  await page.getByLabel("Phone").fill("call me maybe");
  await page.getByLabel("What is it about?").selectOption({ label: "Service problem" });
  await page.getByLabel("What happened").fill("The cashier was rude to me when I asked about the promotion.");
  await page.getByLabel("Amount").fill("150.000");
  await page.getByLabel("What would resolve this for you?").selectOption({ label: "An apology" });
  await page.getByLabel("What would you like us to do?").fill("An apology");
  await page.getByRole("button", { name: "Send complaint" }).click();

  await expect(page.getByText("Enter an email address like name@example.com.")).toBeVisible();
  await expect(page.getByText("Enter a phone number using digits")).toBeVisible();
  await expect(page.getByText("Enter the amount in numbers only")).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("Budi Santoso");
  await expect(page.getByLabel("What happened")).toHaveValue("The cashier was rude to me when I asked about the promotion.");
  await expect(page.getByLabel("What is it about?")).toHaveValue("SERVICE_PROBLEM");
  await expect(page.getByLabel("What would resolve this for you?")).toHaveValue("APOLOGY");
  await expect(page.getByLabel("Email")).toBeFocused();
  expect(await db.ticket.count()).toBe(before);
});

test("a megabyte of text is refused as too long, with nothing stored", async ({ page, db }) => {
  const before = await db.ticket.count();
  await page.goto("/complaints/new");
  await page.getByLabel("Your name").fill("Tom Nguyen");
  await page.getByLabel("Email").fill("tom@example.com");
  await page.getByLabel("What is it about?").selectOption({ label: "Something else" });
  await page.getByLabel("What happened").fill("x".repeat(1_000_000));
  await page.getByLabel("What would you like us to do?").fill("Nothing");
  await page.getByRole("button", { name: "Send complaint" }).click();
  await expect(page.getByText("Too long: at most 5000 characters.")).toBeVisible();
  expect(await db.ticket.count()).toBe(before);
});

test("script and HTML in a complaint are shown as text to the customer and the agent, never run", async ({ page, browser }) => {
  const payload = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 1"> the voucher code did not work`;
  page.on("dialog", (d) => void d.dismiss());
  await page.goto("/complaints/new");
  await page.getByLabel("Your name").fill(`<b>Mallory</b>`);
  await page.getByLabel("Email").fill("mallory@example.com");
  await page.getByLabel("What is it about?").selectOption({ label: "Something else" });
  await page.getByLabel("What happened").fill(payload);
  await page.getByLabel("What would you like us to do?").fill(`<script>alert(1)</script>`);
  await page.getByRole("button", { name: "Send complaint" }).click();
  const reference = (await page.getByTestId("reference").textContent())!.trim();
  await page.getByTestId("tracking-link").click();
  await expect(page.getByTestId("narrative")).toHaveText(payload);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  const agent = await browser.newContext();
  const agentPage = await agent.newPage();
  await signInAs(agentPage.request, STAFF.agent);
  await agentPage.goto(`/agent/tickets/${reference}`);
  await expect(agentPage.getByTestId("narrative")).toHaveText(payload);
  await expect(agentPage.getByText("<b>Mallory</b>").first()).toBeVisible();
  expect(await agentPage.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await agent.close();
});
