import type { Page } from "@playwright/test";
import { TEST_BYTES } from "../../src/features/attachments/test-files";
import { expect, fileComplaintThroughForm, signInAs, STAFF, test, type ComplaintFields } from "./fixtures";

const FILES_LABEL = "Photos, receipts or PDF files";
const photo = { name: "struk-belanja.jpg", mimeType: "image/jpeg", buffer: Buffer.from(TEST_BYTES.jpeg) };
const pdf = { name: "Tagihan Kartu Kredit.pdf", mimeType: "application/pdf", buffer: Buffer.from(TEST_BYTES.pdf) };

type Upload = { name: string; mimeType: string; buffer: Buffer };

/** The public form, filled as fileComplaintThroughForm does, with files chosen in the picker; not sent. */
async function fillComplaint(page: Page, c: ComplaintFields, files: Upload[]) {
  await page.goto("/complaints/new");
  await page.getByLabel("Your name").fill(c.name);
  await page.getByLabel("Email").fill(c.email);
  await page.getByLabel("What is it about?").selectOption({ label: c.category });
  await page.getByLabel("What happened").fill(c.narrative);
  await page.getByLabel("What would you like us to do?").fill(c.desiredOutcome);
  await page.getByLabel(FILES_LABEL).setInputFiles(files);
}

async function fileWithFiles(page: Page, c: ComplaintFields, files: Upload[]) {
  await fillComplaint(page, c, files);
  await page.getByRole("button", { name: "Send complaint" }).click();
  await expect(page.getByRole("heading", { name: "We have received your complaint" })).toBeVisible();
  const reference = (await page.getByTestId("reference").textContent())!.trim();
  const trackingUrl = (await page.getByTestId("tracking-link").textContent())!.trim();
  return { reference, number: Number(reference.slice(4)), token: trackingUrl.split("/track/")[1]! };
}

const complaint = (email: string): ComplaintFields => ({
  name: "Yusuf Hakim",
  email,
  category: "Payment problem",
  narrative: "I was charged twice for one purchase; the receipt and the card statement are attached.",
  desiredOutcome: "Refund the second charge",
});

test("a complaint with a photo and a PDF: staff see both on the ticket and download them", async ({ page, browser, db }) => {
  const filed = await fileWithFiles(page, complaint("yusuf@example.com"), [photo, pdf]);
  const stored = await db.attachment.findMany({
    where: { ticket: { number: filed.number } },
    orderBy: { contentType: "asc" },
    select: { id: true, fileName: true, contentType: true, size: true },
  });
  expect(stored.map(({ id: _id, ...a }) => a)).toEqual([
    { fileName: "Tagihan Kartu Kredit.pdf", contentType: "application/pdf", size: TEST_BYTES.pdf.length },
    { fileName: "struk-belanja.jpg", contentType: "image/jpeg", size: TEST_BYTES.jpeg.length },
  ]);

  // The agent works in a browser of their own, without the customer's link.
  const staff = await browser.newContext();
  const agentPage = await staff.newPage();
  await signInAs(agentPage.request, STAFF.agent);
  await agentPage.goto(`/agent/tickets/${filed.reference}`);
  const timeline = agentPage.getByTestId("timeline");
  await expect(timeline).toContainText("Files sent with the complaint");
  const pdfLink = timeline.getByRole("link", { name: "Tagihan Kartu Kredit.pdf" });
  await expect(pdfLink).toBeVisible();
  await expect(timeline.getByRole("link", { name: "struk-belanja.jpg" })).toBeVisible();
  const pdfId = stored.find((a) => a.contentType === "application/pdf")!.id;
  await expect(pdfLink).toHaveAttribute("href", `/api/attachments/${pdfId}`);

  // Clicking downloads it, under its own name.
  const download = agentPage.waitForEvent("download");
  await pdfLink.click();
  expect((await download).suggestedFilename()).toBe("Tagihan Kartu Kredit.pdf");

  const response = await agentPage.request.get(`/api/attachments/${pdfId}`);
  expect(response.status()).toBe(200);
  expect(Buffer.from(await response.body()).equals(pdf.buffer)).toBe(true);
  expect(response.headers()).toMatchObject({
    "content-type": "application/pdf",
    "content-disposition": `attachment; filename="Tagihan Kartu Kredit.pdf"; filename*=UTF-8''Tagihan%20Kartu%20Kredit.pdf`,
    "x-content-type-options": "nosniff",
    "cache-control": "private, no-store",
    "content-security-policy": "default-src 'none'; sandbox",
    "referrer-policy": "no-referrer",
  });
  await staff.close();

  // The customer downloads with the tracking link's token; without it, nobody does.
  const customer = await browser.newContext();
  expect((await customer.request.get(`/api/attachments/${pdfId}?token=${filed.token}`)).status()).toBe(200);
  const anonymous = await customer.request.get(`/api/attachments/${pdfId}`);
  expect(anonymous.status()).toBe(404);
  expect(await anonymous.text()).toBe("");
  await customer.close();
});

test("an HTML page named like a photo is refused by name and reason, nothing is stored, and the text is kept", async ({ page, db }) => {
  const before = { tickets: await db.ticket.count(), attachments: await db.attachment.count() };
  const c = complaint("disguise@example.com");
  await fillComplaint(page, c, [photo, { name: "receipt.png", mimeType: "image/png", buffer: Buffer.from(TEST_BYTES.html) }]);
  await page.getByRole("button", { name: "Send complaint" }).click();

  await expect(page.getByRole("alert").first()).toContainText("Please correct the fields marked below.");
  const errors = page.getByTestId("attachment-errors");
  await expect(errors).toContainText("“receipt.png” is not a photo or PDF we can accept");
  await expect(errors).toContainText("choose your files again before sending, leaving out the ones refused above");
  await expect(errors).not.toContainText("struk-belanja.jpg");
  const input = page.getByLabel(FILES_LABEL);
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(input).toBeFocused();
  await expect(page.getByLabel("Your name")).toHaveValue(c.name);
  await expect(page.getByLabel("Email")).toHaveValue(c.email);
  await expect(page.getByLabel("What happened")).toHaveValue(c.narrative);
  await expect(page.getByLabel("What would you like us to do?")).toHaveValue(c.desiredOutcome);
  expect({ tickets: await db.ticket.count(), attachments: await db.attachment.count() }).toEqual(before);

  // Choosing the good file again sends the complaint.
  await input.setInputFiles([photo]);
  await page.getByRole("button", { name: "Send complaint" }).click();
  await expect(page.getByRole("heading", { name: "We have received your complaint" })).toBeVisible();
  expect(await db.attachment.count()).toBe(before.attachments + 1);
});

test("too many files are named in the browser and nothing is sent until they are fewer", async ({ page, db }) => {
  const before = await db.ticket.count();
  const six = Array.from({ length: 6 }, (_, i) => ({ ...photo, name: `photo-${i + 1}.jpg` }));
  await fillComplaint(page, complaint("six@example.com"), six);
  await expect(page.getByText("“photo-6.jpg” is one file too many: at most 5 files can be sent at once.")).toBeVisible();
  await page.getByRole("button", { name: "Send complaint" }).click();
  await expect(page.getByLabel(FILES_LABEL)).toBeFocused();
  await expect(page.getByRole("heading", { name: "We have received your complaint" })).toBeHidden();
  expect(await db.ticket.count()).toBe(before);
});

test("another ticket's tracking token opens none of this ticket's files", async ({ page, request, db }) => {
  const mine = await fileWithFiles(page, complaint("owner@example.com"), [photo]);
  // Filed with the file picker left empty: a complaint without files goes through as before.
  const stranger = await fileComplaintThroughForm(page, complaint("stranger@example.com"));
  const theirs = { token: stranger.trackingUrl.split("/track/")[1]! };
  expect(await db.attachment.count({ where: { ticket: { number: Number(stranger.reference.slice(4)) } } })).toBe(0);
  const myFile = await db.attachment.findFirstOrThrow({ where: { ticket: { number: mine.number } }, select: { id: true } });

  const ok = await request.get(`/api/attachments/${myFile.id}?token=${mine.token}`);
  expect(ok.status()).toBe(200);
  expect(ok.headers()["content-type"]).toBe("image/jpeg");

  for (const url of [
    `/api/attachments/${myFile.id}?token=${theirs.token}`,
    `/api/attachments/${myFile.id}`,
    `/api/attachments/${myFile.id}?token=${mine.token.slice(0, -2)}xx`,
    `/api/attachments/not-an-id?token=${mine.token}`,
  ]) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(404);
    expect(await response.text(), url).toBe("");
  }
});

test("a file over five megabytes is refused in the browser; three of four and a half megabytes go through", async ({ page, db }) => {
  const MB = 1024 * 1024;
  const jpegOf = (size: number, name: string) => {
    const buffer = Buffer.alloc(size);
    buffer.set(TEST_BYTES.jpeg.subarray(0, 20));
    return { name, mimeType: "image/jpeg", buffer };
  };
  await fillComplaint(page, complaint("big@example.com"), [jpegOf(5 * MB + 1, "panorama.jpg")]);
  await expect(page.getByText("“panorama.jpg” is too big: each file can be at most 5 MB.")).toBeVisible();

  // Near the 15 MB total: the server action's body limit lets it through.
  const files = [jpegOf(4.5 * MB, "a.jpg"), jpegOf(4.5 * MB, "b.jpg"), jpegOf(4.5 * MB, "c.jpg")];
  await page.getByLabel(FILES_LABEL).setInputFiles(files);
  await expect(page.getByText("“panorama.jpg” is too big")).toBeHidden();
  await page.getByRole("button", { name: "Send complaint" }).click();
  await expect(page.getByRole("heading", { name: "We have received your complaint" })).toBeVisible({ timeout: 30_000 });
  const number = Number((await page.getByTestId("reference").textContent())!.trim().slice(4));
  const stored = await db.attachment.findMany({ where: { ticket: { number } }, select: { size: true } });
  expect(stored.map((a) => a.size)).toEqual([4.5 * MB, 4.5 * MB, 4.5 * MB]);
});
