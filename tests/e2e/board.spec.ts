import { expect, signInAs, STAFF, test } from "./fixtures";

test("the supervisor's open board shows a ticket turn overdue without a reload, and reassigns it", async ({ page, db }) => {
  const agent = await db.user.findUniqueOrThrow({ where: { email: STAFF.agent }, select: { id: true } });
  const ticket = await db.ticket.findFirstOrThrow({
    where: { stage: { in: ["LISTEN", "UNDERSTAND", "RESOLVE"] }, waitingOnCustomer: false, assigneeId: { not: agent.id } },
    orderBy: { number: "asc" },
    select: { id: true, number: true },
  });
  const reference = `TGP-${String(ticket.number).padStart(6, "0")}`;
  // Comfortably on time when the board opens; at risk in 3 seconds, overdue in 6.
  const now = Date.now();
  await db.ticket.update({ where: { id: ticket.id }, data: { stageAtRiskAt: new Date(now + 60 * 60_000), stageDueAt: new Date(now + 2 * 60 * 60_000) } });

  await signInAs(page.request, STAFF.supervisor);
  await page.goto("/supervisor");
  const row = page.locator(`[data-testid=board-row][data-reference="${reference}"]`);
  await expect(row).toHaveCount(0);

  await db.ticket.update({ where: { id: ticket.id }, data: { stageAtRiskAt: new Date(Date.now() + 3_000), stageDueAt: new Date(Date.now() + 6_000) } });
  await expect(row).toHaveAttribute("data-overdue", "false", { timeout: 15_000 });
  await expect(row).toHaveAttribute("data-overdue", "true", { timeout: 15_000 });
  await expect(row).toContainText("Overdue");

  await row.getByRole("checkbox").check();
  await page.getByLabel("Reassign the selected tickets to").selectOption({ label: "Ayu Pratiwi" });
  await page.getByRole("button", { name: "Reassign" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 ticket reassigned." })).toBeVisible();
  expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { assigneeId: true } })).assigneeId).toBe(agent.id);
  await expect(row).toContainText("Ayu Pratiwi");
});

test("an agent is refused the board by the server", async ({ page }) => {
  await signInAs(page.request, STAFF.agent);
  const response = await page.goto("/supervisor");
  expect(response?.status()).toBe(403);
});
