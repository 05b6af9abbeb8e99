import type { Page } from "@playwright/test";
import { expect, fileComplaintThroughForm, signInAs, STAFF, test } from "./fixtures";

const currentStage = (page: Page) => page.locator("[aria-current=step]");

test("an escalation reaches the supervisor's board and inbox and holds the ticket in Resolve until settled", async ({
  page,
  browser,
  db,
}) => {
  test.setTimeout(150_000);
  const customer = await browser.newContext({ locale: "en-US" });
  const { reference } = await fileComplaintThroughForm(await customer.newPage(), {
    name: "Dewi Lestari",
    email: `dewi.${Date.now()}@example.com`,
    category: "Product return",
    narrative: "The blender I bought stopped working on the second day, and the cashier refused to take it back.",
    desiredOutcome: "My money back",
    amount: "300000",
  });
  await customer.close();

  // The agent hears the case out and chooses a refund, then brings in a supervisor.
  await signInAs(page.request, STAFF.agent);
  await page.goto(`/agent/tickets/${reference}`);
  await page.getByRole("button", { name: "Send acknowledgement and start listening" }).click();
  await expect(currentStage(page)).toHaveText("Listen");
  await page.getByLabel("The facts: what happened").fill("The blender stopped on day two; the cashier refused a return.");
  await page.getByLabel("Restatement").fill("Your blender broke on the second day and you want your money back.");
  await page.getByLabel("Severity").selectOption("MEDIUM");
  await page.getByRole("radio", { name: "No", exact: true }).check();
  await page.getByRole("button", { name: "Save and move to Understand" }).click();
  await expect(currentStage(page)).toHaveText("Understand");
  await page.getByLabel("Root cause").selectOption("OUR_ERROR");
  await page.getByLabel("Finding").fill("A faulty motor; the cashier should have accepted the return.");
  await page.getByRole("button", { name: "Save and move to Resolve" }).click();
  await expect(currentStage(page)).toHaveText("Resolve");
  await page.getByRole("radio", { name: "Refund" }).check();
  await page.getByLabel(/^Amount/).fill("300000");

  await page.locator("summary", { hasText: "Escalate to a supervisor" }).click();
  await page.getByLabel("Why does this need a supervisor?").fill("The cashier and the customer disagree about what was promised.");
  await page.getByRole("button", { name: "Escalate to a supervisor" }).click();
  await expect(page.getByTestId("escalation-hold")).toContainText("cannot leave the Resolve stage");
  await expect(page.getByTestId("timeline")).toContainText("Escalated: The cashier and the customer disagree");

  // Held: the agent cannot move on while the supervisor has not settled it.
  await page.getByRole("radio", { name: "Refund" }).check();
  await page.getByLabel(/^Amount/).fill("300000");
  await page.getByRole("button", { name: "Save and move to Apologise" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "A supervisor must settle the escalation first" })).toBeVisible();
  await expect(currentStage(page)).toHaveText("Resolve");
  // The agent sees no settle controls.
  await expect(page.getByRole("button", { name: "Record the settlement" })).toHaveCount(0);

  // The supervisor finds it in the board's Escalated section and in their inbox, and settles it.
  const supervisor = await browser.newContext({ locale: "en-US" });
  const supervisorPage = await supervisor.newPage();
  await signInAs(supervisorPage.request, STAFF.supervisor);
  await supervisorPage.goto("/supervisor");
  const row = supervisorPage.getByTestId("board-escalated").locator(`[data-testid=escalated-row][data-reference="${reference}"]`);
  await expect(row).toContainText("The cashier and the customer disagree");
  await supervisorPage.goto("/notifications");
  await expect(supervisorPage.getByTestId("notifications")).toContainText(`${reference} is escalated to the supervisors`);
  const number = Number(reference.slice(4));
  const { id: ticketId } = await db.ticket.findUniqueOrThrow({ where: { number }, select: { id: true } });
  const mail = await db.outboxMessage.findFirst({
    where: { kind: "notice", recipient: STAFF.supervisor, ticketId },
    select: { subject: true },
  });
  expect(mail?.subject).toBe(`Escalated: ${reference} waits for a supervisor's settlement`);

  await supervisorPage.goto(`/agent/tickets/${reference}`);
  await supervisorPage.getByLabel("Decision").selectOption({ label: "Settle in the customer's favour" });
  await supervisorPage.getByLabel("Note for the agent and the record").fill("Refund in full; the cashier was wrong to refuse.");
  await supervisorPage.getByRole("button", { name: "Record the settlement" }).click();
  await expect(supervisorPage.getByTestId("escalation-settlement")).toContainText("Settle in the customer's favour");
  await expect(supervisorPage.getByTestId("timeline")).toContainText("Escalation settled: settle in the customer's favour");
  await supervisorPage.goto("/supervisor");
  await expect(supervisorPage.locator(`[data-testid=escalated-row][data-reference="${reference}"]`)).toHaveCount(0);
  await supervisor.close();

  // Released: the agent moves on.
  await page.reload();
  await expect(page.getByTestId("escalation-settlement")).toContainText("Refund in full; the cashier was wrong to refuse.");
  await page.getByRole("radio", { name: "Refund" }).check();
  await page.getByLabel(/^Amount/).fill("300000");
  await page.getByRole("button", { name: "Save and move to Apologise" }).click();
  await expect(currentStage(page)).toHaveText("Apologise");
});
