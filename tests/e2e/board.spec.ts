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
  await db.ticket.update({
    where: { id: ticket.id },
    data: { stageAtRiskAt: new Date(now + 60 * 60_000), stageDueAt: new Date(now + 2 * 60 * 60_000) },
  });

  // A first paint that differs from the server's (a clock read twice) is a hydration error here.
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await signInAs(page.request, STAFF.supervisor);
  await page.goto("/supervisor");
  const row = page.locator(`[data-testid=board-row][data-reference="${reference}"]`);
  await expect(row).toHaveCount(0);

  await db.ticket.update({
    where: { id: ticket.id },
    data: { stageAtRiskAt: new Date(Date.now() + 3_000), stageDueAt: new Date(Date.now() + 6_000) },
  });
  await expect(row).toHaveAttribute("data-overdue", "false", { timeout: 15_000 });
  await expect(row).toHaveAttribute("data-overdue", "true", { timeout: 15_000 });
  await expect(row).toContainText("Overdue");

  await row.getByRole("checkbox").check();
  await page.getByLabel("Reassign the selected tickets to").selectOption({ label: "Ayu Pratiwi" });
  await page.getByRole("button", { name: "Reassign" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 ticket reassigned." })).toBeVisible();
  expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { assigneeId: true } })).assigneeId).toBe(agent.id);
  await expect(row).toContainText("Ayu Pratiwi");
  expect(pageErrors).toEqual([]);
});

test("an agent is refused the board by the server", async ({ page }) => {
  await signInAs(page.request, STAFF.agent);
  const response = await page.goto("/supervisor");
  expect(response?.status()).toBe(403);
});

test("a supervisor reads the monitor's notices in the inbox and marks them read", async ({ page, db }) => {
  const supervisor = await db.user.findUniqueOrThrow({ where: { email: STAFF.supervisor }, select: { id: true } });
  // The demo has overdue tickets; the monitor records them on its first sweep after the start.
  await expect
    .poll(() => db.notification.count({ where: { userId: supervisor.id, readAt: null } }), { timeout: 30_000 })
    .toBeGreaterThan(0);
  const unread = await db.notification.count({ where: { userId: supervisor.id, readAt: null } });

  await signInAs(page.request, STAFF.supervisor);
  await page.goto("/notifications");
  await expect(page.getByTestId("notifications-link")).toContainText(String(unread));
  const notices = page.getByTestId("notifications").getByRole("listitem");
  await expect(notices).toHaveCount(Math.min(await db.notification.count({ where: { userId: supervisor.id } }), 100));
  await expect(notices.first().getByRole("link", { name: /^Open TGP-\d{6}$/ })).toBeVisible();

  await notices.first().getByRole("button", { name: "Mark read" }).click();
  await expect.poll(() => db.notification.count({ where: { userId: supervisor.id, readAt: null } })).toBe(unread - 1);
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect.poll(() => db.notification.count({ where: { userId: supervisor.id, readAt: null } })).toBe(0);
  await expect(page.getByRole("button", { name: "Mark all read" })).toHaveCount(0);
});
