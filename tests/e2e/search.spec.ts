import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";

// A customer calls about a complaint that was closed last month. The agent does not have the
// reference; the caller reads out their phone number, punctuated their own way.

test("an agent finds a closed complaint by the customer's phone number, from the search box / opens anywhere", async ({
  page,
  db,
  signIn,
}) => {
  const unique = randomBytes(3).readUIntBE(0, 3) % 10_000_000;
  const stored = `0857 ${String(unique)
    .padStart(7, "0")
    .replace(/^(\d{4})/, "$1 ")}`;
  const spoken = `+62 857-${String(unique)
    .padStart(7, "0")
    .replace(/^(\d{4})/, "$1-")}`;
  const category = await db.category.findFirstOrThrow({ where: { active: true }, select: { id: true } });
  const customer = await db.customer.create({
    data: { email: `caller-${unique}@contoh.id`, name: "Wulan Caller", phone: stored },
    select: { id: true },
  });
  const closed = await db.ticket.create({
    data: {
      trackingTokenHash: `e2e-search-${unique}-${Date.now()}`,
      customerId: customer.id,
      categoryId: category.id,
      stage: "CLOSED",
      subject: "Rice cooker replaced after a second fault",
      narrative: "The rice cooker stopped heating again.",
      desiredOutcome: "A working rice cooker",
      acknowledgeBy: new Date(),
      closedAt: new Date(),
    },
    select: { number: true },
  });
  const reference = `TGP-${String(closed.number).padStart(6, "0")}`;

  await signIn("agent");
  await page.goto("/agent");
  await expect(page.locator("html[data-search-key=on]")).toHaveCount(1);
  await page.keyboard.press("/");
  const search = page.getByRole("searchbox", { name: "Find a ticket" });
  await expect(search).toBeFocused();
  await search.fill(spoken);
  await search.press("Enter");

  await expect(page).toHaveURL(/\/agent\/search\?q=/);
  const row = page.getByTestId("search-row").filter({ hasText: reference });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Wulan Caller");
  await expect(row).toContainText("Closed");
  await expect(row.getByTestId("search-reason")).toHaveText("phone number");

  // Only open tickets: the closed complaint is not among them.
  await page.getByRole("navigation", { name: "Which tickets" }).getByRole("link", { name: "Open" }).click();
  await expect(page.getByTestId("search-row").filter({ hasText: reference })).toHaveCount(0);
  await page.getByRole("navigation", { name: "Which tickets" }).getByRole("link", { name: "All" }).click();
  await page.getByTestId("search-row").filter({ hasText: reference }).getByRole("link", { name: reference }).click();
  await expect(page).toHaveURL(new RegExp(`/agent/tickets/${reference}$`));
});
