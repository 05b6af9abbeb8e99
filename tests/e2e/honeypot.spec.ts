import type { Page } from "@playwright/test";
import { readMailbox } from "./mailbox";
import { expect, fileComplaintThroughForm, test } from "./fixtures";

const REFUSAL = "Your submission looked automated and was not stored. If you are a person, please try again.";

/** The honeypot is there for programs, and for nobody else: not seen, not announced, not reached by Tab, not autofilled. */
async function expectHiddenFromPeople(page: Page) {
  const trap = page.locator("input[name=website]");
  await expect(trap).toHaveCount(1);
  await expect(trap).toHaveAttribute("tabindex", "-1");
  await expect(trap).toHaveAttribute("autocomplete", "off");
  await expect(page.getByTestId("honeypot")).toHaveAttribute("aria-hidden", "true");
  await expect(page.getByRole("textbox", { name: "Leave this field empty" })).toHaveCount(0);
  const box = (await trap.boundingBox())!;
  expect(box.x + box.width).toBeLessThan(0);
}

test("a complaint with the honeypot filled is refused in general terms, and nothing is stored, counted or mailed", async ({ page, db }) => {
  const email = `bot.${Date.now()}@example.com`;
  const before = { tickets: await db.ticket.count(), outbox: await db.outboxMessage.count(), buckets: await db.rateLimitBucket.count() };
  await page.goto("/complaints/new");
  await expectHiddenFromPeople(page);
  await page.getByLabel("Your name").fill("Cheap Pills");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("What is it about?").selectOption({ label: "Product return" });
  await page.getByLabel("What happened").fill("Buy cheap pills at our wonderful online pharmacy today.");
  await page.getByLabel("What would you like us to do?").fill("Visit our site");
  // What a form-filling program does: every field it finds gets a value.
  await page.locator("input[name=website]").fill("https://cheap-pills.example", { force: true });
  await page.getByRole("button", { name: "Send complaint" }).click();

  await expect(page.getByRole("alert").first()).toHaveText(REFUSAL);
  await expect(page.getByRole("heading", { name: "We have received your complaint" })).toHaveCount(0);
  // The text stays for a person who somehow filled it; the trap is empty again.
  await expect(page.getByLabel("What happened")).toHaveValue("Buy cheap pills at our wonderful online pharmacy today.");
  await expect(page.locator("input[name=website]")).toHaveValue("");
  expect({ tickets: await db.ticket.count(), outbox: await db.outboxMessage.count(), buckets: await db.rateLimitBucket.count() }).toEqual(
    before,
  );
  expect(await db.customer.count({ where: { email } })).toBe(0);
  await page.waitForTimeout(1_500);
  expect((await readMailbox()).filter((m) => m.to.includes(email))).toEqual([]);
});

test("a lookup with the honeypot filled mails no link, even for a real reference and address", async ({ page, db }) => {
  const email = `lookup.${Date.now()}@example.com`;
  const { reference } = await fileComplaintThroughForm(page, {
    name: "Sari Dewi",
    email,
    category: "Service problem",
    narrative: "The delivery driver left my parcel in the rain outside the gate.",
    desiredOutcome: "An apology",
  });
  const links = () => db.outboxMessage.count({ where: { recipient: email, kind: "link" } });

  await page.goto("/track");
  await expectHiddenFromPeople(page);
  await page.getByLabel("Reference").fill(reference);
  await page.getByLabel("Email").fill(email);
  await page.locator("input[name=website]").fill("http://spam.example", { force: true });
  await page.getByRole("button", { name: "Send me the link" }).click();
  await expect(page.getByRole("alert").first()).toHaveText(REFUSAL);
  expect(await links()).toBe(0);

  // The same form, sent by a person, mails the link.
  await page.getByRole("button", { name: "Send me the link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "If the reference and email belong to a complaint" })).toBeVisible();
  expect(await links()).toBe(1);
});
