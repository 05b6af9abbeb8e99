import type { Page } from "@playwright/test";
import { expect, signInAs, STAFF, test } from "./fixtures";

// Runs on the shared demo database: the fields get names of their own, and are optional, so the
// other specs' complaints in the same category are not held up by them.

test("an admin adds custom fields, a customer answers one on the form, and an agent sees it, fills an internal one and filters the queue by it", async ({
  page,
  browser,
  db,
}) => {
  test.setTimeout(150_000);
  const n = Date.now() % 1_000_000;
  const store = `Store visited ${n}`;
  const batch = `Batch ${n}`;

  // The admin defines a customer-facing choice and an internal text field for "Something else".
  await signInAs(page.request, STAFF.admin);
  await page.goto("/admin/categories");
  await page.getByRole("link", { name: "Something else" }).click();
  const add = page.getByRole("form", { name: "Add a custom field" });
  await add.getByLabel("Key").fill(`store_${n}`);
  await add.getByLabel("Type").selectOption({ label: "Single choice" });
  await add.getByLabel("Label in English").fill(store);
  await add.getByLabel("Label in Bahasa Indonesia").fill(`Toko yang dikunjungi ${n}`);
  await add.getByLabel("Options (choices only)").fill("north | North branch | Cabang utara\nsouth | South branch | Cabang selatan");
  await add.getByRole("button", { name: "Add a custom field" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Custom field added." })).toBeVisible();

  await add.getByLabel("Key").fill(`batch_${n}`);
  await add.getByLabel("Type").selectOption({ label: "Text" });
  await add.getByLabel("Label in English").fill(batch);
  await add.getByLabel("Label in Bahasa Indonesia").fill(`Batch ${n}`);
  await add.getByLabel(/Customer-facing/).uncheck();
  await add.getByRole("button", { name: "Add a custom field" }).click();
  await expect(page.getByRole("form", { name: batch })).toBeVisible();
  expect(
    await db.auditLog.count({
      where: { entity: "CustomField", action: "customField.created", after: { path: ["key"], equals: `batch_${n}` } },
    }),
  ).toBe(1);

  // A customer, signed out, sees the field once they choose the category, and answers it.
  const customer = await browser.newContext({ locale: "en-US" });
  const form = await customer.newPage();
  await form.goto("/complaints/new");
  await expect(form.getByLabel(store)).toHaveCount(0);
  await form.getByLabel("What is it about?").selectOption({ label: "Something else" });
  await expect(form.getByLabel(batch)).toHaveCount(0); // internal: never on the public form
  await form.getByLabel(store).selectOption({ label: "South branch" });
  const filed = await sendRestOfForm(form, store);
  await form.goto(filed.trackingUrl);
  await expect(form.getByTestId(`custom-field-store_${n}`)).toHaveText("South branch");
  await customer.close();

  // The agent sees the answer in the workspace and fills the internal field.
  await signInAs(page.request, STAFF.agent);
  await page.goto(`/agent/tickets/${filed.reference}`);
  const card = page.getByRole("region", { name: "Custom fields" });
  await expect(card.getByTestId(`custom-field-store_${n}`)).toContainText("South branch");
  await card.getByLabel(batch).fill("B-42");
  await card.getByRole("button", { name: "Save fields" }).click();
  await expect(card.getByRole("status")).toHaveText("Fields saved.");
  await expect(card.getByTestId(`custom-field-batch_${n}`)).toContainText("B-42");

  // …and finds the ticket by the customer's answer in the queue.
  await page.goto("/agent");
  const filters = page.getByRole("search", { name: "Filter the queue" });
  await filters.getByLabel("Custom field").selectOption({ label: `${store} (Something else)` });
  await filters.getByLabel("Value").fill("south");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]field=store_${n}&fieldValue=south`));
  await expect(page.getByTestId("queue-row")).toHaveCount(1);
  await expect(page.getByTestId("queue-row").first()).toContainText("Rina Kusuma");
  await filters.getByLabel("Value").fill("north");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/fieldValue=north/);
  await expect(page.getByTestId("queue-row")).toHaveCount(0);
});

/**
 * The shared helper opens a fresh form; this one fills the rest of the form already open, so the
 * custom answer chosen above is sent with it.
 */
async function sendRestOfForm(page: Page, store: string) {
  await page.getByLabel("Your name").fill("Rina Kusuma");
  await page.getByLabel("Email").fill(`rina.${Date.now()}@example.com`);
  await page.getByLabel("What happened").fill("The branch refused to honour the warranty printed on my receipt.");
  await page.getByLabel("What would you like us to do?").fill("Honour the warranty");
  await expect(page.getByLabel(store)).toHaveValue("south");
  await page.getByRole("button", { name: "Send complaint" }).click();
  await expect(page.getByRole("heading", { name: "We have received your complaint" })).toBeVisible();
  const trackingUrl = (await page.getByTestId("tracking-link").textContent())!.trim();
  return { reference: (await page.getByTestId("reference").textContent())!.trim(), trackingUrl };
}
