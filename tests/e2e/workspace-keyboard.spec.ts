import type { Page } from "@playwright/test";
import { formatReference } from "../../src/domain/reference";
import { expect, fileComplaintThroughForm, signInAs, STAFF, test } from "./fixtures";

const currentStage = (page: Page) => page.locator("[aria-current=step]");
const STAGES = ["NEW", "LISTEN", "UNDERSTAND", "RESOLVE", "APOLOGISE", "CLOSED"] as const;

/** Escape leaves a field being typed in (outside one it would go back to the queue, so only then). */
async function leaveField(page: Page) {
  const typing = await page.evaluate(() => {
    const el = document.activeElement;
    return el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLInputElement && el.type === "text");
  });
  if (typing) await page.keyboard.press("Escape");
}

test("an agent works a ticket with the keyboard alone: open from the queue, assign, reply, advance, back", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const customer = await browser.newContext({ locale: "en-US" });
  const { reference } = await fileComplaintThroughForm(await customer.newPage(), {
    name: "Wulan Sari",
    email: `wulan.${Date.now()}@example.com`,
    category: "Product return",
    narrative: "The kettle I bought switches itself off before the water boils, every time.",
    desiredOutcome: "A kettle that works",
  });
  await customer.close();

  await signInAs(page.request, STAFF.agent);
  // Open it from the queue (the new complaints): j down the rows to it, Enter.
  await page.goto("/agent?stage=NEW");
  await expect(page.locator("[data-keys=on]")).toBeVisible();
  const rowCount = await page.locator("a[data-queue-link]").count();
  for (let i = 0; i < rowCount; i++) {
    await page.keyboard.press("j");
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === reference) break;
  }
  await expect(page.getByRole("link", { name: reference, exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/agent/tickets/${reference}$`));
  await expect(page.locator("html[data-workspace-keys=on]")).toBeVisible();
  await expect(currentStage(page)).toHaveText("New");

  // a: assign to me.
  await page.keyboard.press("a");
  await expect(page.getByTestId("timeline")).toContainText("Assignee changed");
  await expect(page.locator("[data-shortcut=assign-me]")).toHaveCount(0);

  // n: an internal note; keys typed into it stay text (u does not leave); Ctrl+Enter sends it.
  await page.keyboard.press("n");
  await expect(page.locator("#reply-body")).toBeFocused();
  await expect(page.getByRole("radio", { name: "Internal note (staff only)" })).toBeChecked();
  await page.keyboard.type("Customer used the kettle upside down? Checking with the warehouse.");
  await expect(page).toHaveURL(new RegExp(`/agent/tickets/${reference}$`));
  await page.keyboard.press("Control+Enter");
  const timeline = page.getByTestId("timeline");
  await expect(timeline.locator("li[data-kind=note]").first()).toContainText("Checking with the warehouse");

  // m: the stage's main button — at NEW, the acknowledgement draft goes out and listening starts.
  await leaveField(page);
  await page.keyboard.press("m");
  await expect(currentStage(page)).toHaveText("Listen");

  // r: a public reply, newest first in the timeline, right under the reply box.
  await page.keyboard.press("r");
  await expect(page.locator("#reply-body")).toBeFocused();
  await expect(page.getByRole("radio", { name: "Reply to the customer" })).toBeChecked();
  await page.keyboard.type("Dear Wulan, could you tell us the kettle's model number?");
  await page.keyboard.press("Control+Enter");
  await expect(timeline.locator("li[data-kind=message]").first()).toContainText("model number");
  await expect(timeline.locator("li").first()).toContainText(/model number|Message sent/);

  // The filter keeps one kind.
  await page
    .getByTestId("timeline-filter")
    .getByText(/^Notes/)
    .click();
  await expect(timeline.locator("li")).toHaveCount(1);
  await expect(timeline.locator("li[data-kind=note]")).toHaveCount(1);
  await page.getByTestId("timeline-filter").getByText(/^All/).click();

  // ?: the list of keys, a modal dialog; Escape closes it and stays on the page.
  await leaveField(page);
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  for (const text of [
    "Write a reply to the customer",
    "Write an internal note",
    "Move to the next stage",
    "Assign the ticket to me",
    "Back to the queue",
  ])
    await expect(dialog).toContainText(text);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/agent/tickets/${reference}$`));

  // u: back to the queue.
  await page.keyboard.press("u");
  await expect(page).toHaveURL(/\/agent$/);
});

test("the shortcuts list speaks Indonesian, and the stage panel folds and stays folded", async ({ browser }) => {
  const context = await browser.newContext({ locale: "id-ID" });
  const page = await context.newPage();
  await signInAs(page.request, STAFF.agent);
  await page.goto("/agent");
  await page.locator("a[data-queue-link]").first().click();
  await expect(page.locator("html[data-workspace-keys=on]")).toBeVisible();
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Pintasan papan ketik" });
  await expect(dialog).toContainText("Tulis balasan untuk pelanggan");
  await dialog.getByRole("button", { name: "Tutup" }).click();
  await expect(dialog).toBeHidden();

  const panel = page.getByTestId("stage-panel");
  const toggle = panel.getByRole("button", { name: "Lipat" });
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await toggle.click();
  await expect(panel.getByRole("button", { name: "Tampilkan formulir tahap" })).toHaveAttribute("aria-expanded", "false");
  await expect(panel.locator("form").first()).toBeHidden();
  await page.reload();
  await expect(page.getByTestId("stage-panel").locator("form").first()).toBeHidden();
  await page.getByTestId("stage-panel").getByRole("button", { name: "Tampilkan formulir tahap" }).click();
  await expect(page.getByTestId("stage-panel").locator("form").first()).toBeVisible();
  await context.close();
});

test("each stage's workspace fits in about one and a half screens at 1440×900", async ({ browser, db }) => {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInAs(page.request, STAFF.agent);
  const heights: Record<string, number> = {};
  for (const stage of STAGES) {
    const ticket = await db.ticket.findFirst({ where: { stage }, orderBy: { number: "asc" }, select: { number: true } });
    expect(ticket, `a demo ticket in ${stage}`).not.toBeNull();
    await page.goto(`/agent/tickets/${formatReference(ticket!.number)}`);
    await expect(page.getByTestId("stage-panel")).toBeVisible();
    heights[stage] = await page.evaluate(() => document.documentElement.scrollHeight);
  }
  console.log(`workspace scrollHeight at 1440×900: ${JSON.stringify(heights)}`);
  test.info().annotations.push({ type: "heights", description: JSON.stringify(heights) });
  for (const stage of STAGES) expect(heights[stage], `${stage} page height`).toBeLessThanOrEqual(1.5 * 900);
  await context.close();
});
