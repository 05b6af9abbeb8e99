import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";

export interface ComplaintFields {
  name: string;
  email: string;
  category: string;
  narrative: string;
  desiredOutcome: string;
  amount?: string;
  /** What would resolve it, as the form's choice reads in English ("A refund"); left at "Not sure yet" when absent. */
  customerAsk?: string;
}

export interface Upload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/**
 * Files a complaint through the public form, as a customer would, with `files` chosen in its
 * file picker, and returns its reference, tracking URL and the token in that URL.
 */
export async function fileComplaintThroughForm(
  page: Page,
  c: ComplaintFields,
  files: Upload[] = [],
): Promise<{ reference: string; trackingUrl: string; token: string }> {
  await page.goto("/complaints/new");
  await page.getByLabel("Your name").fill(c.name);
  await page.getByLabel("Email").fill(c.email);
  await page.getByLabel("What is it about?").selectOption({ label: c.category });
  await page.getByLabel("What happened").fill(c.narrative);
  if (c.amount) await page.getByLabel("Amount").fill(c.amount);
  if (c.customerAsk) await page.getByLabel("What would resolve this for you?").selectOption({ label: c.customerAsk });
  await page.getByLabel("What would you like us to do?").fill(c.desiredOutcome);
  if (files.length > 0) await page.getByLabel("Photos, receipts or PDF files").setInputFiles(files);
  await page.getByRole("button", { name: "Send complaint" }).click();
  await expect(page.getByRole("heading", { name: "We have received your complaint" })).toBeVisible();
  const trackingUrl = (await page.getByTestId("tracking-link").textContent())!.trim();
  return { reference: (await page.getByTestId("reference").textContent())!.trim(), trackingUrl, token: trackingUrl.split("/track/")[1]! };
}
import { createPrismaClient, type Db } from "../../src/server/db/create-client";

export const DEMO_PASSWORD = "tanggap-demo";
export const STAFF = {
  agent: "agent@tanggap.test",
  supervisor: "supervisor@tanggap.test",
  admin: "admin@tanggap.test",
} as const;

/** Signs in through Auth.js's credentials endpoint, as the login form does, without replaying the form. */
export async function signInAs(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: "/agent" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in as ${email}`).toBe(302);
  expect(response.headers().location ?? "").not.toContain("error");
}

export const test = base.extend<{ db: Db; signIn: (role: keyof typeof STAFF) => Promise<void> }>({
  db: async ({}, use) => {
    const url = readFileSync(join(process.cwd(), process.env.E2E_STATE_DIR ?? join(".data", "e2e"), "database-url"), "utf8").trim();
    const db = createPrismaClient(url, 2);
    await use(db);
    await db.$disconnect();
  },
  signIn: async ({ page }: { page: Page }, use) => {
    await use((role) => signInAs(page.request, STAFF[role]));
  },
});

export { expect };
