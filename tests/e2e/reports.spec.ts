import { readFile } from "node:fs/promises";
import type { Locator } from "@playwright/test";
import { parseCsv } from "../../src/domain/reports/csv";
import { todayIn } from "../../src/domain/reports/date-range";
import { expect, signInAs, STAFF, test } from "./fixtures";

/** A report table as the CSV should hold it: the column headings, then each cell's plain value. */
async function tableRecords(table: Locator): Promise<string[][]> {
  const header = (await table.locator("thead th").allTextContents()).map((s) => s.trim());
  const rows = await table
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("th, td"), (cell) => cell.getAttribute("data-value") ?? "")));
  return [header, ...rows];
}

function daysBefore(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

test("a supervisor reads the reports, changes the period and downloads a CSV that holds the table's rows", async ({ page, signIn }) => {
  await signIn("supervisor");
  const response = await page.goto("/supervisor/reports");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  // The last 30 days unless asked otherwise.
  const presets = page.getByRole("navigation", { name: "Quick periods" });
  await expect(presets.getByRole("link", { name: "Last 30 days" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("report-range")).toContainText("(30 days)");
  for (const title of [
    "Recurrence",
    "SLA compliance per stage",
    "Time per stage",
    "Backlog by age",
    "Satisfaction",
    "Resolutions and compensation",
  ]) {
    await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
  }

  await presets.getByRole("link", { name: "Last 7 days" }).click();
  await expect(page).toHaveURL(/[?&]days=7(&|$)/);
  await expect(presets.getByRole("link", { name: "Last 7 days" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("report-range")).toContainText("(7 days)");

  // A custom period: the last three days, through the form.
  const today = todayIn(new Date());
  await page.getByLabel("From", { exact: true }).fill(daysBefore(today, 2));
  await page.getByLabel("To", { exact: true }).fill(today);
  await page.getByRole("button", { name: "Show reports" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${daysBefore(today, 2)}&to=${today}`));
  await expect(page.getByTestId("report-range")).toContainText("(3 days)");

  // The demo's complaints were filed over the last three weeks: the past week has clocks to count.
  await presets.getByRole("link", { name: "Last 7 days" }).click();
  await expect(page.getByTestId("report-range")).toContainText("(7 days)");
  const section = page.getByTestId("report-sla");
  const table = section.getByRole("table");
  await expect(table.getByRole("rowheader", { name: "All stages" })).toBeVisible();
  const shown = await tableRecords(table);
  expect(shown).toHaveLength(7); // headings, five stages, the total
  expect(Number(shown[6]![1])).toBeGreaterThan(0);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    section.getByRole("link", { name: "Download CSV: SLA compliance per stage" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`tanggap-sla-${daysBefore(today, 6)}-to-${today}.csv`);
  const csv = parseCsv(await readFile((await download.path())!, "utf8"));
  expect(csv).toEqual(shown);
});

test("a range that cannot be shown gets a message saying why", async ({ page, signIn }) => {
  await signIn("supervisor");
  await page.goto("/supervisor/reports?from=2026-11-10&to=2026-11-01");
  await expect(page.getByRole("alert").filter({ hasText: "This period cannot be shown" })).toContainText(
    "The start date is after the end date.",
  );
  await expect(page.getByRole("table")).toHaveCount(0);
  await expect(page.getByLabel("From", { exact: true })).toHaveValue("2026-11-10");
});

test("agents are refused the reports and their CSV; visitors are sent to sign in", async ({ page, request }) => {
  expect((await request.get("/supervisor/reports", { maxRedirects: 0 })).headers().location).toBe(
    `/login?callbackUrl=${encodeURIComponent("/supervisor/reports")}`,
  );
  const anonymous = await request.get("/supervisor/reports/sla/csv");
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.text()).toBe("Sign in to continue.\n");

  await signInAs(page.request, STAFF.agent);
  expect((await page.goto("/supervisor/reports"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  const csv = await page.request.get("/supervisor/reports/sla/csv");
  expect(csv.status()).toBe(403);
  expect(csv.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  expect(await csv.text()).toBe("Your role does not allow this.\n");
});
