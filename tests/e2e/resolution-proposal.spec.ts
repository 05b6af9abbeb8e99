import type { Page } from "@playwright/test";
import { expect, fileComplaintThroughForm, signInAs, STAFF, test } from "./fixtures";

const currentStage = (page: Page) => page.locator("[aria-current=step]");

test("the framework proposes the resolution, the agent sees their headroom, and the supervisor's card carries the case", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const customer = await browser.newContext({ locale: "en-US" });
  const { reference } = await fileComplaintThroughForm(await customer.newPage(), {
    name: "Rina Wijaya",
    email: `rina.${Date.now()}@example.com`,
    category: "Product return",
    narrative: "The electric kettle stopped heating on the third day and smells of burnt plastic.",
    desiredOutcome: "My money back for the kettle",
    customerAsk: "A refund",
    amount: "450000",
  });
  await customer.close();

  // The agent walks it to RESOLVE: the root cause is our error.
  await signInAs(page.request, STAFF.agent);
  await page.goto(`/agent/tickets/${reference}`);
  // What the customer chose on the form is in the complaint, beside their own words.
  await expect(page.getByTestId("customer-ask")).toHaveText("A refund");
  await page.getByRole("button", { name: "Send acknowledgement and start listening" }).click();
  await expect(currentStage(page)).toHaveText("Listen");
  await page.getByLabel("The facts: what happened").fill("Kettle bought last week stopped heating on day three.");
  await page.getByLabel("Severity").selectOption("MEDIUM");
  await page.getByRole("radio", { name: "No", exact: true }).check();
  await page.getByLabel("Restatement").fill("Your new kettle stopped heating and you would like your money back.");
  await page.getByRole("button", { name: "Save and move to Understand" }).click();
  await expect(currentStage(page)).toHaveText("Understand");
  await page.getByLabel("Root cause").selectOption("OUR_ERROR");
  await page.getByLabel("Finding").fill("A faulty thermostat in this batch; the supplier confirmed it.");
  await page.getByRole("button", { name: "Save and move to Resolve" }).click();
  await expect(currentStage(page)).toHaveText("Resolve");

  // RESOLVE: the framework's option is pre-selected with why, and the amount it suggests is the claim.
  await expect(page.getByTestId("proposal")).toContainText("Proposed by the framework for Product return × Our error: Refund.");
  await expect(page.getByRole("radio", { name: /^Refund/ })).toBeChecked();
  await expect(page.getByLabel(/^Amount/)).toHaveValue("450000");
  // The limit and the headroom are there before submitting, and follow the amount as it is typed.
  const authority = page.getByTestId("authority");
  await expect(authority).toContainText(/up to IDR\s500,000 without approval/);
  await expect(authority).toContainText(/IDR\s50,000 of headroom/);
  await page.getByLabel(/^Amount/).fill("900000");
  await expect(authority).toContainText(/IDR\s400,000 above your authority/);
  // The agent may choose another: the headroom line goes with the amount.
  await page.getByRole("radio", { name: "Exchange" }).check();
  await expect(authority).not.toContainText("headroom");
  await page.getByRole("radio", { name: /^Refund/ }).check();
  await page.getByLabel(/^Amount/).fill("900000");
  await page.getByLabel(/^Why this resolution/).fill("Second faulty unit for this customer: refund it and the first one.");
  await page.getByRole("button", { name: "Save and move to Apologise" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "waiting for a supervisor's approval" })).toBeVisible();

  // The supervisor, reading in Indonesian, sees the case on the approval card before deciding.
  const supervisor = await browser.newContext({ locale: "id-ID" });
  const supervisorPage = await supervisor.newPage();
  await signInAs(supervisorPage.request, STAFF.supervisor);
  await supervisorPage.goto("/supervisor");
  const card = supervisorPage.locator(`[data-testid=approval][data-reference="${reference}"]`);
  await expect(card).toBeVisible();
  await expect(card.getByTestId("approval-ask")).toContainText("My money back for the kettle");
  await expect(card.getByTestId("approval-customer-ask")).toHaveText("Pengembalian dana");
  await expect(card.getByTestId("approval-finding")).toContainText("Kesalahan kita");
  await expect(card.getByTestId("approval-finding")).toContainText("A faulty thermostat in this batch");
  await expect(card.getByTestId("approval-reason")).toHaveText("Second faulty unit for this customer: refund it and the first one.");
  await expect(card.getByTestId("approval-earlier")).toContainText("ini keluhan pertama dari Rina Wijaya");
  await expect(card).toContainText("Yang diberikan untuk Pengembalian produk × Kesalahan kita");
  await supervisor.close();
});
