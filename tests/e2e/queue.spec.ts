import type { Cookie, Page } from "@playwright/test";
import { expect, fileComplaintThroughForm, signInAs, STAFF, test } from "./fixtures";

// Runs against the demo seed: about thirty complaints in Bahasa Indonesia and English, in every
// stage, some overdue. Other specs may have filed more by now, so assertions name what must (and
// must not) be there rather than counting the whole queue.

const rows = (page: Page) => page.getByTestId("queue-row");
const row = (page: Page, customer: string) => rows(page).filter({ hasText: customer });
// The keys work once the page has hydrated.
const keysReady = (page: Page) => expect(page.locator("[data-keys=on]")).toHaveCount(1);

// Sign in once for the file: every sign-in counts against the account's throttle (10 in 15 minutes),
// which the whole suite shares.
let session: Cookie[] = [];
test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  await signInAs(context.request, STAFF.agent);
  session = (await context.storageState()).cookies;
  await context.close();
});

test.beforeEach(async ({ context }) => {
  await context.addCookies(session);
});

test("filters by stage and by overdue, as bookmarkable URLs the back button walks through", async ({ page }) => {
  await page.goto("/agent");
  const filters = page.getByRole("search", { name: "Filter the queue" });
  await filters.getByLabel("Stage").selectOption({ label: "Resolve" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]stage=RESOLVE(&|$)/);
  await expect(row(page, "James Okafor")).toBeVisible();
  await expect(row(page, "Daniel Hartono")).toHaveCount(0);
  const stages = await rows(page).locator("td:nth-child(5)").allTextContents();
  expect(stages.length).toBeGreaterThanOrEqual(5);
  expect(new Set(stages)).toEqual(new Set(["Resolve"]));

  await filters.getByLabel("Stage").selectOption({ label: "Any stage" });
  await filters.getByLabel("Overdue").check();
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]overdue=1(&|$)/);
  await expect(row(page, "Tom Nguyen")).toBeVisible(); // LISTEN for five days
  const deadlines = await rows(page)
    .locator("[data-deadline]")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-deadline")));
  expect(deadlines.length).toBeGreaterThan(0);
  expect(new Set(deadlines)).toEqual(new Set(["overdue"]));
  await expect(row(page, "Michael Lee")).toHaveCount(0); // filed minutes ago

  await page.goBack();
  await expect(page).toHaveURL(/[?&]stage=RESOLVE(&|$)/);
  await expect(page.getByLabel("Stage")).toHaveValue("RESOLVE");
  await expect(row(page, "James Okafor")).toBeVisible();

  await page.getByRole("link", { name: "Reset" }).click();
  await expect(page).toHaveURL(/\/agent$/);
  await expect(row(page, "Daniel Hartono")).toBeVisible();
});

test("searches in Bahasa Indonesia across word forms, and in English by stem", async ({ page }) => {
  await page.goto("/agent");
  const search = page.getByRole("searchbox", { name: "Search" });

  // Hendra's complaint says "tidak dikembalikan"; "pengembalian" and "kembalikan" are the same word family.
  for (const q of ["pengembalian", "kembalikan"]) {
    await search.fill(q);
    await search.press("Enter");
    await expect(page).toHaveURL(new RegExp(`[?&]q=${q}(&|$)`));
    await expect(row(page, "Hendra Gunawan")).toBeVisible();
    await expect(row(page, "Daniel Hartono")).toHaveCount(0);
  }

  // "charges" finds "charged" (Daniel Hartono, Olivia Martin), not the unrelated.
  await search.fill("charges");
  await search.press("Enter");
  await expect(row(page, "Daniel Hartono")).toBeVisible();
  await expect(row(page, "Olivia Martin")).toBeVisible();
  await expect(row(page, "Hendra Gunawan")).toHaveCount(0);

  await search.fill("zzzz-nothing-like-this");
  await search.press("Enter");
  await expect(page.getByText("No open tickets match these filters.")).toBeVisible();
});

test("a ticket reference in the search box opens that ticket", async ({ page }) => {
  await page.goto("/agent");
  const reference = await rows(page).first().getAttribute("data-reference");
  expect(reference).toMatch(/^TGP-\d{6}$/);
  await page.getByRole("searchbox", { name: "Search" }).fill(reference!.toLowerCase());
  await page.getByRole("searchbox", { name: "Search" }).press("Enter");
  await expect(page).toHaveURL(new RegExp(`/agent/tickets/${reference}$`));
});

test("j and k move through the queue, Enter opens the selected ticket, / goes to search", async ({ page }) => {
  await page.goto("/agent");
  const references = await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-reference")));
  expect(references.length).toBeGreaterThan(2);

  await keysReady(page);
  await page.keyboard.press("j");
  await expect(rows(page).nth(0)).toHaveAttribute("data-selected", "true");
  await expect(rows(page).nth(0).getByRole("link", { name: references[0]! })).toBeFocused();
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  await expect(rows(page).nth(1)).toHaveAttribute("data-selected", "true");
  await expect(rows(page).nth(0)).not.toHaveAttribute("data-selected", "true");

  // Not while typing: a j typed into the search box is text. / goes to the staff search in the navigation.
  await page.keyboard.press("/");
  const search = page.getByRole("searchbox", { name: "Find a ticket" });
  await expect(search).toBeFocused();
  await page.keyboard.type("jk");
  await expect(search).toHaveValue("jk");
  await expect(rows(page).nth(1)).toHaveAttribute("data-selected", "true");
  await page.keyboard.press("Escape");
  await search.fill("");

  await page.goto("/agent");
  await keysReady(page);
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/agent/tickets/${references[1]}$`));
});

test("the queue speaks Bahasa Indonesia too, with visible labels", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "id", url: baseURL! }]);
  await page.goto("/agent");
  const filters = page.getByRole("search", { name: "Saring antrean" });
  for (const label of ["Cari", "Ditangani oleh", "Tahap", "Kategori", "Prioritas", "Berisiko", "Terlambat", "Menunggu pelanggan"]) {
    await expect(filters.getByLabel(label, { exact: true })).toBeVisible();
  }
  await expect(filters.getByRole("button", { name: "Terapkan" })).toBeVisible();
});

test("an agent selects two tickets and makes both urgent at once", async ({ page, browser }) => {
  // Two fresh complaints, found together by a word only they contain.
  const word = `ketel${Date.now()}`;
  const customer = await browser.newContext({ locale: "en-US" });
  const filed: string[] = [];
  for (const name of ["Rina Bulk", "Yusuf Bulk"]) {
    const { reference } = await fileComplaintThroughForm(await customer.newPage(), {
      name,
      email: `${name.split(" ")[0]!.toLowerCase()}.${Date.now()}@example.com`,
      category: "Product return",
      narrative: `The kettle ${word} stops heating after a minute, every time.`,
      desiredOutcome: "A working kettle",
    });
    filed.push(reference);
  }
  await customer.close();

  await page.goto(`/agent?q=${word}`);
  await expect(rows(page)).toHaveCount(2);
  const rowOf = (reference: string) => page.locator(`[data-testid=queue-row][data-reference="${reference}"]`);
  for (const reference of filed) await expect(rowOf(reference)).not.toContainText("Urgent");
  // One by its checkbox, the other from the keyboard: k moves up from the second row to the first, x ticks it.
  await keysReady(page);
  await rows(page).nth(1).getByRole("checkbox").check();
  await page.keyboard.press("k");
  await expect(rows(page).nth(0)).toHaveAttribute("data-selected", "true");
  await page.keyboard.press("x");
  await expect(rows(page).nth(0).getByRole("checkbox")).toBeChecked();
  await expect(rows(page).nth(1).getByRole("checkbox")).toBeChecked();

  const bulk = page.getByRole("form", { name: "Change the selected tickets" });
  await bulk.getByLabel("Priority").selectOption({ label: "Urgent" });
  await bulk.getByRole("button", { name: "Set priority" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Priority changed on 2 tickets." })).toBeVisible();
  for (const reference of filed) await expect(rowOf(reference)).toContainText("Urgent");
});
