import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
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
    const url = readFileSync(join(process.cwd(), ".data", "e2e", "database-url"), "utf8").trim();
    const db = createPrismaClient(url, 2);
    await use(db);
    await db.$disconnect();
  },
  signIn: async ({ page }: { page: Page }, use) => {
    await use((role) => signInAs(page.request, STAFF[role]));
  },
});

export { expect };
