import type { Page } from "@playwright/test";
import { expect, fileComplaintThroughForm, signInAs, STAFF, test } from "./fixtures";

const currentStage = (page: Page) => page.locator("[aria-current=step]");

test("an agent walks a complaint from NEW to CLOSED through every gate", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const customer = await browser.newContext({ locale: "en-US" });
  const customerPage = await customer.newPage();
  const { reference, trackingUrl } = await fileComplaintThroughForm(customerPage, {
    name: "Hendra Gunawan",
    email: `hendra.${Date.now()}@example.com`,
    category: "Product return",
    narrative: "The rice cooker leaks from the bottom after two uses and water drips onto the table.",
    desiredOutcome: "My money back",
    amount: "2000000",
  });

  await signInAs(page.request, STAFF.agent);
  await page.goto(`/agent/tickets/${reference}`);
  await expect(currentStage(page)).toHaveText("New");

  // NEW: the acknowledgement arrives as a draft in the customer's language, with their name filled in.
  const acknowledgement = page.getByRole("textbox", { name: "Acknowledgement" });
  await expect(acknowledgement).toContainText("Hendra");
  await page.getByRole("button", { name: "Send acknowledgement and start listening" }).click();
  await expect(currentStage(page)).toHaveText("Listen");

  // LISTEN: a refused move names the unmet gate and keeps what was typed.
  await page.getByLabel("The facts: what happened").fill("Rice cooker bought on 18 November leaks after two uses.");
  await page.getByLabel("Severity").selectOption("MEDIUM");
  await page.getByRole("radio", { name: "No", exact: true }).check();
  await page.getByRole("button", { name: "Save and move to Understand" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Restate the complaint" })).toBeVisible();
  await expect(currentStage(page)).toHaveText("Listen");
  await expect(page.getByLabel("The facts: what happened")).toHaveValue("Rice cooker bought on 18 November leaks after two uses.");
  await page.getByLabel("Restatement").fill("Your new rice cooker leaks and you would like a refund.");
  await page.getByRole("button", { name: "Save and move to Understand" }).click();
  await expect(currentStage(page)).toHaveText("Understand");

  // A question to the customer pauses the clock; resuming starts it again.
  // A public reply gets the apology check as advice, never as a gate.
  await page.getByLabel("Message", { exact: true }).fill("According to our policy you should have kept the receipt.");
  await expect(page.getByTestId("reply-advice")).toContainText("moves the blame to the customer");
  await page.getByLabel("Message", { exact: true }).fill("Could you send us a photo of the receipt?");
  await page
    .locator("form", { has: page.locator("#reply-body") })
    .getByLabel("Wait for the customer's answer (pauses the clock)")
    .check();
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.locator("[data-deadline=paused]")).toBeVisible();
  await page.getByRole("button", { name: "Resume the clock" }).click();
  await expect(page.locator("[data-deadline=paused]")).toHaveCount(0);

  // UNDERSTAND.
  await page.getByLabel("Root cause").selectOption("OUR_ERROR");
  await page.getByLabel("Finding").fill("A faulty seal in this batch; the supplier confirmed it.");
  await page.getByRole("button", { name: "Save and move to Resolve" }).click();
  await expect(currentStage(page)).toHaveText("Resolve");

  // RESOLVE: above the agent's authority, the refund waits for a supervisor.
  await page.getByRole("radio", { name: "Refund" }).check();
  await page.getByLabel(/^Amount/).fill("2000000");
  await page.getByRole("button", { name: "Save and move to Apologise" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "waiting for a supervisor's approval" })).toBeVisible();
  await expect(currentStage(page)).toHaveText("Resolve");

  const supervisor = await browser.newContext();
  const supervisorPage = await supervisor.newPage();
  await signInAs(supervisorPage.request, STAFF.supervisor);
  await supervisorPage.goto(`/agent/tickets/${reference}`);
  await supervisorPage.getByLabel("Reason").last().fill("Faulty batch confirmed; a full refund keeps the customer's trust.");
  await supervisorPage.getByRole("button", { name: "Approve" }).click();
  await expect(supervisorPage.getByTestId("timeline")).toContainText("Approval granted");
  await supervisor.close();

  await page.reload();
  await expect(page.getByTestId("approval-status")).toHaveText("Approved by a supervisor.");
  await page.getByRole("button", { name: "Save and move to Apologise" }).click();
  await expect(currentStage(page)).toHaveText("Apologise");

  // APOLOGISE: a draft with a placeholder left in is refused; a personal apology closes the ticket.
  const apology = page.getByRole("textbox", { name: "Apology and resolution" });
  await apology.fill("Dear {customerName}, we are sorry.");
  await page.getByRole("button", { name: "Send apology and close" }).click();
  await expect(page.getByText("with real words before sending")).toBeVisible();
  // One that blames the customer is flagged while it is typed, and refused at the gate with what to change.
  await apology.fill(
    "Dear Hendra, you should have read the manual before using the rice cooker. We have refunded Rp 2,000,000 all the same.",
  );
  await expect(page.getByTestId("apology-check")).toContainText("moves the blame to the customer");
  await page.getByRole("button", { name: "Send apology and close" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The apology was not sent" })).toBeVisible();
  await expect(page.getByText("“you should have” moves the blame to the customer").first()).toBeVisible();
  await expect(currentStage(page)).toHaveText("Apologise");
  await apology.fill(
    "Dear Hendra, we are truly sorry that your rice cooker leaked. We have refunded Rp 2,000,000 and asked our supplier to check the whole batch. Thank you for telling us. — Ayu",
  );
  await expect(page.getByTestId("apology-check")).toContainText("The apology passes the check.");
  await page.getByLabel("What will stop this happening again?").fill("Inspect seals on every delivery from this supplier.");
  await page.getByRole("button", { name: "Send apology and close" }).click();
  await expect(currentStage(page)).toHaveText("Closed");
  await expect(page.getByTestId("timeline")).toContainText("Approval granted");

  // The customer sees the apology, never the internal workings.
  await customerPage.goto(trackingUrl);
  await expect(customerPage.getByTestId("stage")).toHaveText("Closed");
  await expect(customerPage.getByText("we are truly sorry that your rice cooker leaked")).toBeVisible();
  await customer.close();
});

test("a change made on a stale page is refused with a reload message, and nothing is overwritten", async ({ page, browser, db }) => {
  const ticket = await db.ticket.findFirstOrThrow({
    where: { stage: "LISTEN" },
    orderBy: { number: "asc" },
    select: { number: true, id: true, priority: true },
  });
  const reference = `TGP-${String(ticket.number).padStart(6, "0")}`;
  await signInAs(page.request, STAFF.agent);
  await page.goto(`/agent/tickets/${reference}`);

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInAs(otherPage.request, STAFF.supervisor);
  await otherPage.goto(`/agent/tickets/${reference}`);
  await otherPage.getByRole("combobox", { name: "Priority" }).selectOption("URGENT");
  await otherPage.getByRole("button", { name: "Apply" }).nth(1).click();
  await expect(otherPage.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await other.close();

  await page.getByRole("combobox", { name: "Priority" }).selectOption("LOW");
  await page.getByRole("button", { name: "Apply" }).nth(1).click();
  await expect(page.getByRole("alert").filter({ hasText: "changed by someone else" })).toBeVisible();
  expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { priority: true } })).priority).toBe("URGENT");
});

test("a declared safety risk makes the ticket urgent, tells the supervisor and puts it on the board; the record carries forward", async ({
  page,
  browser,
  db,
}) => {
  test.setTimeout(90_000);
  const customer = await browser.newContext({ locale: "en-US" });
  const { reference } = await fileComplaintThroughForm(await customer.newPage(), {
    name: "Wulan Sari",
    email: `wulan.${Date.now()}@example.com`,
    category: "Product return",
    narrative: "The kettle's cord melted while boiling water and sparks came out of the socket.",
    desiredOutcome: "A safe replacement",
  });
  await customer.close();

  await signInAs(page.request, STAFF.agent);
  await page.goto(`/agent/tickets/${reference}`);
  await page.getByRole("button", { name: "Send acknowledgement and start listening" }).click();
  await expect(currentStage(page)).toHaveText("Listen");
  await page.getByLabel("The facts: what happened").fill("The kettle's cord melted in use and sparked.");
  await page.getByLabel("Restatement").fill("Your kettle's cord melted and sparked, and you want a safe replacement.");
  await page.getByLabel("Severity").selectOption("HIGH");
  await page.getByRole("radio", { name: "Yes", exact: true }).check();
  await page.getByRole("button", { name: "Save and move to Understand" }).click();
  await expect(currentStage(page)).toHaveText("Understand");
  await expect(page.getByTestId("record-summary")).toContainText("Your kettle's cord melted and sparked");
  await expect(page.getByTestId("record-severity")).toContainText("Safety risk");
  const number = Number(reference.slice(4));
  expect((await db.ticket.findUniqueOrThrow({ where: { number }, select: { priority: true } })).priority).toBe("URGENT");

  const supervisor = await browser.newContext();
  const supervisorPage = await supervisor.newPage();
  await signInAs(supervisorPage.request, STAFF.supervisor);
  await supervisorPage.goto("/supervisor");
  const row = supervisorPage.locator(`[data-testid=board-row][data-reference="${reference}"]`);
  await expect(row).toHaveAttribute("data-safety", "true");
  await expect(row).toContainText("Safety risk");
  await supervisorPage.goto("/notifications");
  await expect(supervisorPage.getByTestId("notifications")).toContainText(`Safety first: ${reference} needs attention now`);
  await supervisor.close();
});
