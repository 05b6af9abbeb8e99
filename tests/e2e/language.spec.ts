import { createHash, randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { TEST_BYTES } from "../../src/features/attachments/test-files";
import { englishLeftovers } from "../support/english-leftovers";
import { waitForMail, type CapturedMail } from "./mailbox";
import { expect, signInAs, STAFF, test } from "./fixtures";

/**
 * What a reader meets on the page: the visible text, the title and the accessible names. Text
 * marked with another language on purpose (the switcher's "English", in lang="en") is left out.
 */
async function readable(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attributes = ["aria-label", "placeholder", "title", "alt"];
    const named = [...document.querySelectorAll(attributes.map((a) => `[${a}]`).join(","))].flatMap((e) =>
      attributes.map((a) => e.getAttribute(a) ?? ""),
    );
    let text = document.body.innerText;
    for (const foreign of document.querySelectorAll<HTMLElement>("body [lang]:not([lang|=id])")) text = text.replace(foreign.innerText, "");
    return [document.title, text, ...named].join("\n");
  });
}

async function expectNoEnglish(page: Page, what: string) {
  expect(englishLeftovers(await readable(page)), what).toEqual([]);
}

const expectNoEnglishMail = (mail: CapturedMail) => expect(englishLeftovers(`${mail.subject}\n${mail.text}`), mail.subject).toEqual([]);

// As a browser set to Indonesian sends it; the Indonesian browser's own header says more.
const INDONESIAN = { locale: "id-ID", extraHTTPHeaders: { "Accept-Language": "id" } };

const jakarta = (date: Date) =>
  new Intl.DateTimeFormat("id-ID", {
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Asia/Jakarta",
    timeZoneName: "short",
  }).format(date);

test("with Accept-Language id, the public pages and the customer's mail hold no English, and dates and money read as in Indonesia", async ({
  browser,
  db,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext(INDONESIAN);
  const page = await context.newPage();
  const email = `dewi.${Date.now()}@contoh.id`;

  // The form, empty and then with every error showing.
  await page.goto("/complaints/new");
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expectNoEnglish(page, "complaint form");
  await page.locator("form button[type=submit]").last().click();
  await expect(page.locator("[aria-invalid=true]").first()).toBeFocused();
  await expectNoEnglish(page, "complaint form with errors");

  // Filed with a photo and an amount; the receipt.
  await page.locator("[name=name]").fill("Dewi Lestari");
  await page.locator("[name=email]").fill(email);
  await page.locator("[name=category]").selectOption("PAYMENT_PROBLEM");
  await page.locator("[name=narrative]").fill("Saya ditagih dua kali untuk satu pembelian di kasir nomor tiga.");
  await page.locator("[name=amount]").fill("2000000");
  await page.locator("[name=desiredOutcome]").fill("Kembalikan tagihan yang kedua");
  await page
    .locator("input[name=attachments]")
    .setInputFiles([{ name: "struk.png", mimeType: "image/png", buffer: Buffer.from(TEST_BYTES.png) }]);
  await page.locator("form button[type=submit]").last().click();
  await expect(page.getByTestId("reference")).toBeVisible();
  await expectNoEnglish(page, "receipt");
  const reference = (await page.getByTestId("reference").textContent())!.trim();
  const trackingUrl = (await page.getByTestId("tracking-link").textContent())!.trim();
  const ticket = await db.ticket.findFirstOrThrow({
    where: { number: Number(reference.slice(4)) },
    select: { acknowledgeBy: true, locale: true },
  });
  expect(ticket.locale).toBe("id");
  // "Senin, 30 November pukul 14.00 WIB": the promise as Indonesians write it.
  const promise = jakarta(ticket.acknowledgeBy!);
  expect(promise).toMatch(/^\p{L}+, \d{1,2} \p{L}+ pukul \d{2}\.\d{2} WIB$/u);
  await expect(page.getByTestId("reply-by")).toHaveText(`Kami akan membalas paling lambat ${promise}.`);

  const receipt = await waitForMail((m) => m.to.includes(email) && m.subject.includes(reference));
  expectNoEnglishMail(receipt);
  expect(receipt.text).toContain(promise);

  // The tracking page: the promise, the amount in rupiah, the photo; a refused reply; a reply with a PDF.
  await page.goto(trackingUrl);
  await expect(page.getByText(`Kami akan membalas paling lambat ${promise}.`)).toBeVisible();
  await expect(page.getByTestId("amount")).toHaveText(
    new Intl.NumberFormat("id-ID", { style: "currency", currency: "IDR" }).format(2_000_000),
  );
  await expect(page.getByTestId("amount")).toHaveText(/^Rp\s?2\.000\.000(,00)?$/);
  await expect(page.getByRole("link", { name: "struk.png" })).toBeVisible();
  await expectNoEnglish(page, "tracking page");
  const replyForm = page.locator("form", { has: page.locator("[name=body]") });
  await replyForm
    .locator("input[name=attachments]")
    .setInputFiles([{ name: "mutasi.png", mimeType: "image/png", buffer: Buffer.from(TEST_BYTES.html) }]);
  await replyForm.locator("[name=body]").fill("Ini mutasi rekening saya.");
  await replyForm.locator("button[type=submit]").click();
  await expect(page.getByTestId("attachment-errors")).toBeVisible();
  await expect(replyForm.locator("[name=body]")).toHaveValue("Ini mutasi rekening saya.");
  await expectNoEnglish(page, "tracking page with a refused file");
  await replyForm
    .locator("input[name=attachments]")
    .setInputFiles([{ name: "mutasi-rekening.pdf", mimeType: "application/pdf", buffer: Buffer.from(TEST_BYTES.pdf) }]);
  await replyForm.locator("button[type=submit]").click();
  await expect(page.getByRole("status").filter({ hasText: "Terima kasih — pesan Anda sudah kami terima." })).toBeVisible();
  await expect(page.getByRole("link", { name: "mutasi-rekening.pdf" })).toBeVisible();
  await expectNoEnglish(page, "tracking page after a reply");

  // Staff answer in the customer's language: the acknowledgement drafted from the Indonesian template.
  const staff = await browser.newContext({ locale: "en-US" });
  const agentPage = await staff.newPage();
  await signInAs(agentPage.request, STAFF.agent);
  await agentPage.goto(`/agent/tickets/${reference}`);
  await agentPage.getByRole("button", { name: "Send acknowledgement and start listening" }).click();
  await expect(agentPage.locator("[aria-current=step]")).toHaveText("Listen");
  await staff.close();
  const acknowledgement = await waitForMail((m) => m.to.includes(email) && m.seq > receipt.seq && m.subject.includes(reference));
  expectNoEnglishMail(acknowledgement);
  await page.reload();
  await expectNoEnglish(page, "tracking page after the acknowledgement");

  // The lookup form, and the link it mails.
  await page.goto("/track");
  await expectNoEnglish(page, "lookup form");
  await page.locator("[name=reference]").fill(reference);
  await page.locator("[name=email]").fill(email);
  await page.locator("form button[type=submit]").last().click();
  await expect(page.getByRole("status").filter({ hasText: "Jika nomor referensi dan email itu milik" })).toBeVisible();
  await expectNoEnglish(page, "lookup answered");
  expectNoEnglishMail(await waitForMail((m) => m.to.includes(email) && m.seq > acknowledgement.seq));

  // A closed complaint: the apology, the rating and the reopen forms (a seeded one, opened with a link of our own).
  const closed = await db.ticket.findFirstOrThrow({
    where: { stage: "CLOSED", locale: "id" },
    orderBy: { rating: { sort: "asc", nulls: "first" } },
    select: { id: true, trackingTokenHash: true },
  });
  const token = randomBytes(32).toString("base64url");
  await db.ticket.update({ where: { id: closed.id }, data: { trackingTokenHash: createHash("sha256").update(token).digest("hex") } });
  try {
    await page.goto(`/track/${token}`);
    await expect(page.getByTestId("stage")).toHaveText("Selesai");
    await page.locator("details summary").click();
    await expectNoEnglish(page, "closed complaint");
  } finally {
    await db.ticket.update({ where: { id: closed.id }, data: { trackingTokenHash: closed.trackingTokenHash } });
  }

  // And the page for a link that opens nothing.
  await page.goto(`/track/${randomBytes(32).toString("base64url")}`);
  await expectNoEnglish(page, "unknown link");
  await context.close();
});
