import type { Browser, Page } from "@playwright/test";
import { englishLeftovers } from "../support/english-leftovers";
import { DEMO_PASSWORD, expect, signInAs, STAFF, test } from "./fixtures";

// Staff pages read wholly in the reader's language: notices worded when read, events and audit rows
// as sentences, admin-made names in both languages. And each role lands on its own home.

const INDONESIAN = { locale: "id-ID", extraHTTPHeaders: { "Accept-Language": "id" } };

/** The visible text, the title and the accessible names, as the reader meets them. */
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

async function indonesianPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext(INDONESIAN);
  const page = await context.newPage();
  await signInAs(page.request, email);
  return page;
}

test("the Indonesian staff pages hold no English: inbox, timeline, audit log and admin pages", async ({ browser, db }) => {
  test.setTimeout(180_000);
  const supervisor = await db.user.findUniqueOrThrow({ where: { email: STAFF.supervisor }, select: { id: true } });
  const admin = await db.user.findUniqueOrThrow({ where: { email: STAFF.admin }, select: { id: true } });
  const ticket = await db.ticket.findFirstOrThrow({
    where: { locale: "id", stage: { not: "CLOSED" } },
    orderBy: { number: "asc" },
    select: { id: true, number: true },
  });
  const reference = `TGP-${String(ticket.number).padStart(6, "0")}`;
  const stamp = Date.now();

  // A notice written while the supervisor read English, a monitor escalation, and admin changes.
  await db.notification.create({
    data: {
      userId: supervisor.id,
      kind: "sla.breached",
      ticketId: ticket.id,
      dedupeKey: `e2e-language-${stamp}`,
      // As src/features/notifications/notice-message.ts stores it; the text is the English of then.
      messageKey: "breached",
      messageParams: {
        values: {
          reference,
          stage: { stage: "UNDERSTAND" },
          due: { at: new Date().toISOString(), timeZone: "Asia/Jakarta" },
          moment: { at: new Date().toISOString(), timeZone: "Asia/Jakarta" },
        },
        lines: [{ key: "breached.body" }, { key: "priorityRaised", values: { from: { priority: "NORMAL" }, to: { priority: "HIGH" } } }],
      },
      title: `${reference} missed its Understand deadline`,
      body: `The Understand stage of ${reference} is now overdue.`,
    },
  });
  await db.ticketEvent.createMany({
    data: [
      { ticketId: ticket.id, actorType: "SYSTEM", type: "sla.breached", after: { stage: "UNDERSTAND" } },
      { ticketId: ticket.id, actorType: "SYSTEM", type: "ticket.escalated", after: { reason: "SLA breached in UNDERSTAND" } },
    ],
  });
  const team = await db.team.findFirstOrThrow({ where: { nameEn: "Returns" }, select: { id: true, nameEn: true, nameId: true } });
  const target = await db.slaTarget.findFirstOrThrow({ select: { id: true, stage: true, businessMinutes: true } });
  await db.auditLog.createMany({
    data: [
      { actorId: admin.id, entity: "Team", entityId: team.id, action: "team.renamed", before: team, after: team },
      { actorId: admin.id, entity: "SlaTarget", entityId: target.id, action: "sla.updated", before: target, after: target },
      { actorId: admin.id, entity: "User", entityId: supervisor.id, action: "user.sessionsEnded", after: { at: new Date().toISOString() } },
    ],
  });

  const found: Record<string, string[]> = {};
  const check = async (page: Page, path: string) => {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    const leftovers = englishLeftovers(await readable(page));
    if (leftovers.length) found[path] = leftovers;
  };

  const supervisorPage = await indonesianPage(browser, STAFF.supervisor);
  await check(supervisorPage, "/notifications");
  await expect(supervisorPage.getByText(`${reference} melewati tenggat tahap Memahami`)).toBeVisible();
  await check(supervisorPage, `/agent/tickets/${reference}`);
  await expect(supervisorPage.getByTestId("timeline")).toContainText("tenggat tahap Memahami terlewat");
  // The file picker is ours: its button and its "nothing chosen" speak the reader's language.
  await expect(supervisorPage.getByText("Belum ada berkas yang dipilih").first()).toBeVisible();
  // The board shows customers' own words (some demo complaints are in English): it is not checked here.

  const adminPage = await indonesianPage(browser, STAFF.admin);
  for (const path of ["/admin", "/admin/teams", "/admin/categories", "/admin/sla", "/admin/calendars", "/admin/audit"])
    await check(adminPage, path);
  await adminPage.goto("/admin/audit");
  await expect(adminPage.getByTestId("audit-sentence").filter({ hasText: "Mengganti nama tim Retur" })).toHaveCount(1);
  await expect(adminPage.getByTestId("audit-sentence").filter({ hasText: "Bima Santoso" })).not.toHaveCount(0);
  await adminPage.goto("/admin/teams");
  await expect(adminPage.getByLabel("Nama tim Retur dalam Bahasa Indonesia")).toHaveValue("Retur");

  expect(found).toEqual({});
});

test("each role lands on its own home after signing in, unless a page asked for it", async ({ page }) => {
  const signIn = async (email: string, path = "/login") => {
    await page.context().clearCookies();
    await page.goto(path);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  await signIn(STAFF.agent);
  await expect(page).toHaveURL(/\/agent$/);
  await signIn(STAFF.supervisor);
  await expect(page).toHaveURL(/\/supervisor$/);
  await signIn(STAFF.admin);
  await expect(page).toHaveURL(/\/admin$/);
  // Signed in already, the sign-in page sends them home too.
  await page.goto("/login");
  await expect(page).toHaveURL(/\/admin$/);

  await signIn(STAFF.supervisor, "/login?callbackUrl=%2Fnotifications");
  await expect(page).toHaveURL(/\/notifications$/);
});
