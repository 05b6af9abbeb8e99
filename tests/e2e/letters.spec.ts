import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "@playwright/test";
import { extractText } from "unpdf";
import { expect, signInAs, STAFF, test } from "./fixtures";

// Issue 16 in Indonesian, end to end: an OJK complaint gets an acknowledgement stating its deadline,
// its one extension with notice (a letter stating the new deadline), then, with its outcome and
// redress recorded, a final response the customer downloads as a PDF from
// the tracking page; the PDF's text is read back.

// Read as data: Playwright's loader takes no JSON import without an import attribute.
const id = JSON.parse(readFileSync(join(process.cwd(), "messages", "id.json"), "utf8")) as typeof import("../../messages/id.json");
// As src/features/letters/compose.ts's letterDate states an OJK date (it cannot be imported here for the same reason).
const ojkDate = (d: Date) =>
  new Intl.DateTimeFormat("id-ID", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "Asia/Jakarta" }).format(d);

const INDONESIAN = { locale: "id-ID", extraHTTPHeaders: { "Accept-Language": "id" } };
const form = id.complaintForm;

async function indonesianPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ ...INDONESIAN, acceptDownloads: true })).newPage();
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await extractText(new Uint8Array(bytes), { mergePages: true })).text;
}

test("an OJK complaint: acknowledgement with its deadline, extended with notice, then a final response the customer downloads as a PDF", async ({
  browser,
  db,
}) => {
  test.setTimeout(150_000);
  // The regime is the category's (an admin's choice); the deadline is the regulatory clock's, set here as it would be.
  await db.category.update({ where: { code: "PAYMENT_PROBLEM" }, data: { regime: "OJK" } });

  const customer = await indonesianPage(browser);
  await customer.goto("/complaints/new");
  await customer.getByLabel(form.name.label).fill("Siti Rahayu");
  await customer.getByLabel(form.email.label).fill(`siti-${randomBytes(4).toString("hex")}@contoh.id`);
  await customer.getByLabel(form.category.label).selectOption({ label: "Masalah pembayaran" });
  await customer.getByLabel(form.narrative.label).fill("Kartu saya ditagih dua kali untuk satu transaksi di aplikasi.");
  await customer.getByLabel(form.desiredOutcome.label).fill("Kembalikan tagihan yang kedua");
  await customer.getByRole("button", { name: form.submit }).click();
  await expect(customer.getByRole("heading", { name: form.receipt.title })).toBeVisible();
  const reference = (await customer.getByTestId("reference").textContent())!.trim();
  const trackingUrl = (await customer.getByTestId("tracking-link").textContent())!.trim();

  const ticket = await db.ticket.findUniqueOrThrow({ where: { number: Number(reference.slice(4)) }, select: { id: true, locale: true } });
  expect(ticket.locale).toBe("id");
  const dueAt = new Date(Date.now() + 14 * 24 * 3600_000);
  await db.ticket.update({ where: { id: ticket.id }, data: { regime: "OJK", regulatoryDueAt: dueAt } });

  const agent = await indonesianPage(browser);
  await signInAs(agent.request, STAFF.agent);
  await agent.goto(`/agent/tickets/${reference}`);
  const letters = agent.getByRole("form", { name: id.letters.send });
  await letters.getByLabel(id.letters.kind, { exact: true }).selectOption({ label: id.letters.kinds.ACKNOWLEDGEMENT });
  await letters.getByRole("button", { name: id.letters.send }).click();
  await expect(agent.getByText(id.letters.sent)).toBeVisible();
  await expect(agent.getByTestId("letter-ACKNOWLEDGEMENT")).toBeVisible();

  // More time is needed: the one extension OJK allows, before the first deadline, with notice. The
  // letter is the notice, and the deadline it states is the one the clock moved to.
  const extension = agent.getByRole("form", { name: id.letters.send });
  await extension.getByLabel(id.letters.kind, { exact: true }).selectOption({ label: id.letters.kinds.EXTENSION });
  await extension.getByLabel(id.letters.reason, { exact: true }).fill("kami masih menunggu data penyelesaian dari bank penerbit kartu.");
  await extension.getByRole("button", { name: id.letters.send }).click();
  await expect(agent.getByText(id.letters.sent)).toBeVisible();
  await expect(agent.getByTestId("letter-EXTENSION")).toBeVisible();
  const extended = await db.ticket.findUniqueOrThrow({
    where: { id: ticket.id },
    select: { regulatoryDueAt: true, regulatoryExtensions: true },
  });
  expect(extended.regulatoryExtensions).toBe(1);
  expect(extended.regulatoryDueAt!.getTime()).toBeGreaterThan(dueAt.getTime());

  // The complaint reaches the resolve stage (the protocol's own steps are other specs' subject).
  await db.ticket.update({ where: { id: ticket.id }, data: { stage: "RESOLVE" } });
  await agent.reload();
  const outcome = agent.getByRole("form", { name: id.outcome.title });
  await outcome.getByLabel(id.outcome.outcome, { exact: true }).selectOption({ label: id.outcome.outcomes.UPHELD });
  await outcome.getByLabel(id.outcome.kind, { exact: true }).selectOption({ label: id.outcome.kinds.REFUND });
  await outcome.getByLabel(id.outcome.amount, { exact: true }).fill("150000");
  await outcome.getByLabel(id.outcome.paidAt).fill("2026-12-04");
  await outcome.getByRole("button", { name: id.outcome.save }).click();
  await expect(agent.getByText(id.outcome.saved)).toBeVisible();

  const final = agent.getByRole("form", { name: id.letters.send });
  await final.getByLabel(id.letters.kind, { exact: true }).selectOption({ label: id.letters.kinds.FINAL_RESPONSE });
  await final.getByLabel(id.letters.reasons).fill("tagihan kedua terjadi karena gangguan sistem pembayaran kami.");
  await final.getByRole("button", { name: id.letters.send }).click();
  // Upheld, with redress: four-eyes holds it until a supervisor approves it, then it goes as drafted.
  await expect(agent.getByText(id.letters.held)).toBeVisible();
  await expect(agent.getByTestId("letter-held-FINAL_RESPONSE")).toBeVisible();
  const supervisor = await indonesianPage(browser);
  await signInAs(supervisor.request, STAFF.supervisor);
  await supervisor.goto("/supervisor");
  const held = supervisor.locator(`[data-testid="approval"][data-reference="${reference}"]`);
  await expect(held.getByTestId("held-letter")).toContainText("gangguan sistem pembayaran kami");
  await held.getByLabel(id.board.reason, { exact: true }).fill("Temuan dan ganti rugi sudah diperiksa.");
  await held.getByRole("button", { name: id.board.approve }).click();
  await expect(supervisor.locator(`[data-testid="approval"][data-reference="${reference}"]`)).toHaveCount(0);
  await agent.reload();
  await expect(agent.getByTestId("letter-FINAL_RESPONSE")).toBeVisible();
  await expect(agent.getByTestId("letter-held-FINAL_RESPONSE")).toHaveCount(0);

  // The customer's page lists both letters and our decision; the final response downloads as a PDF.
  await customer.goto(trackingUrl);
  await expect(customer.getByTestId("customer-letters")).toContainText(id.letters.kinds.ACKNOWLEDGEMENT);
  await expect(customer.getByTestId("customer-letters")).toContainText(id.letters.kinds.EXTENSION);
  const extensionHref = (await customer.getByTestId("download-EXTENSION").getAttribute("href"))!;
  const extensionText = await pdfText(await (await customer.request.get(extensionHref)).body());
  expect(extensionText).toContain("penyelesaian");
  expect(extensionText).toContain(ojkDate(extended.regulatoryDueAt!));
  await expect(customer.getByTestId("decision")).toContainText(id.outcome.outcomes.UPHELD);
  const download = customer.waitForEvent("download");
  await customer.getByTestId("download-FINAL_RESPONSE").click();
  const file = await (await download).path();
  const finalText = await pdfText(await readFile(file));
  expect(finalText).toContain("Tanggapan akhir atas pengaduan Anda");
  expect(finalText).toContain(reference);
  expect(finalText).toContain("pengaduan Anda diterima");
  expect(finalText).toContain("Pengembalian dana");
  expect(finalText).toContain("LAPS SJK");

  // The acknowledgement states the deadline, in Indonesian.
  const ackHref = (await customer.getByTestId("download-ACKNOWLEDGEMENT").getAttribute("href"))!;
  const ack = await customer.request.get(ackHref);
  expect(ack.headers()["content-type"]).toBe("application/pdf");
  const ackText = await pdfText(await ack.body());
  expect(ackText).toContain("Tanda terima pengaduan");
  expect(ackText).toContain(ojkDate(dueAt));

  // What was downloaded is what was stored when it was sent.
  const stored = await db.letter.findMany({
    where: { ticketId: ticket.id },
    orderBy: { sentAt: "asc" },
    select: { kind: true, pdf: true },
  });
  expect(stored.map((l) => l.kind)).toEqual(["ACKNOWLEDGEMENT", "EXTENSION", "FINAL_RESPONSE"]);
  expect(Buffer.compare(Buffer.from(stored[2]!.pdf), await readFile(file))).toBe(0);
  await db.category.update({ where: { code: "PAYMENT_PROBLEM" }, data: { regime: "NONE" } });
});
