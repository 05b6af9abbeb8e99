import { randomBytes } from "node:crypto";
import { expect, fileComplaintThroughForm, test } from "./fixtures";

// A customer files the same complaint twice and writes on the second. The agent working the first
// merges the second into it; the customer's link to the second now opens the first, with what they wrote.

test("an agent merges a duplicate, and the customer's old link shows the survivor", async ({ page, signIn }) => {
  const email = `dua-kali-${randomBytes(4).toString("hex")}@contoh.id`;
  const complaint = {
    name: "Rina Dua Kali",
    email,
    category: "Product return",
    narrative: "The kettle I bought leaks from the bottom after two days of use.",
    desiredOutcome: "A replacement kettle",
  };
  const survivor = await fileComplaintThroughForm(page, complaint);
  const duplicate = await fileComplaintThroughForm(page, complaint);

  await page.goto(duplicate.trackingUrl);
  await page.getByLabel("Your message").fill("I sent this twice by mistake; here is the photo description.");
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByText("I sent this twice by mistake; here is the photo description.")).toBeVisible();

  await signIn("agent");
  await page.goto(`/agent/tickets/${survivor.reference}`);
  const panel = page.getByTestId("merge-panel");
  await panel.getByText("Merge a duplicate").click();
  // The customer's other open complaint is offered.
  await panel.getByRole("button", { name: new RegExp(duplicate.reference) }).click();
  await expect(panel.getByLabel("Reference of the duplicate")).toHaveValue(duplicate.reference);
  await panel.getByRole("button", { name: "Merge into this ticket" }).click();
  await expect(page.getByText(`${duplicate.reference} was merged into ${survivor.reference}.`)).toBeVisible();
  // The duplicate's history is read here too.
  await expect(page.getByText(`Merged ${duplicate.reference} into this ticket`)).toBeVisible();

  await page.goto(`/agent/tickets/${duplicate.reference}`);
  await expect(page.getByTestId("merged-into")).toContainText(survivor.reference);

  // The customer's link to the duplicate opens the survivor, with what they wrote there.
  await page.goto(duplicate.trackingUrl);
  await expect(page).toHaveURL(new RegExp(`/track/${survivor.token}$`));
  await expect(page.getByTestId("reference")).toHaveText(survivor.reference);
  await expect(page.getByText("I sent this twice by mistake; here is the photo description.")).toBeVisible();
});
