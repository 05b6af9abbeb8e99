import { ImapFlow } from "imapflow";
import { startDovecot, type TestImapServer } from "../support/dovecot";
import { expect, signInAs, STAFF, test } from "./fixtures";
import { waitForMail } from "./mailbox";

// Complaints by mail, end to end: an admin points Tanggap at a mailbox (a throwaway Dovecot), a
// customer mails a complaint and answers the acknowledgement, and the agent sees both.

let imap: TestImapServer;

test.beforeAll(async () => {
  imap = await startDovecot();
});

test.afterAll(async () => {
  await imap?.stop();
});

async function deliver(raw: string): Promise<void> {
  const client = new ImapFlow({
    host: imap.host,
    port: imap.port,
    secure: false,
    auth: { user: imap.user, pass: imap.password },
    logger: false,
  });
  await client.connect();
  await client.append("INBOX", raw.replace(/\r?\n/g, "\r\n"));
  await client.logout();
}

test("a mailed complaint and its reply reach the agent, and the admin sees the mailbox's state", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const customer = `wulan.${Date.now()}@customer.test`;
  await signInAs(page.request, STAFF.admin);
  await page.goto("/admin/mailboxes");
  const form = page.getByRole("form", { name: "Read a mailbox" });
  await form.getByLabel("Name", { exact: true }).fill("Bantuan e2e");
  await form.getByLabel("Address customers write to").fill("help@toko.test");
  await form.getByLabel("IMAP server").fill(imap.host);
  await form.getByLabel("Port", { exact: true }).fill(String(imap.port));
  await form.getByLabel("User name").fill(imap.user);
  await form.getByLabel("Password", { exact: true }).fill(imap.password);
  await form.getByLabel("TLS (IMAPS)").uncheck();
  await form.getByRole("button", { name: "Read this mailbox" }).click();
  await expect(form.getByRole("status")).toHaveText("Bantuan e2e will be read from now on.");

  const firstId = `<${crypto.randomUUID()}@customer.test>`;
  await deliver(
    [
      `From: Wulan Sari <${customer}>`,
      "To: help@toko.test",
      "Subject: Kulkas tidak dingin",
      `Message-ID: ${firstId}`,
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Kulkas yang saya beli minggu lalu tidak dingin sama sekali. Mohon bantuannya.",
      "",
    ].join("\n"),
  );
  const receipt = await waitForMail((m) => m.to.includes(customer), 60_000);
  expect(receipt.text).toContain("/track/");
  expect(receipt.inReplyTo).toBe(firstId);
  const replyTo = receipt.replyTo[0]!;
  expect(replyTo).toMatch(/^help\+tgp-\d+\.[0-9a-f]{10}@toko\.test$/);

  await deliver(
    [
      `From: ${customer}`,
      `To: ${replyTo}`,
      `Subject: Re: ${receipt.subject}`,
      `Message-ID: <${crypto.randomUUID()}@customer.test>`,
      `In-Reply-To: ${receipt.messageId}`,
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Nomor pesanannya 55120, dibeli di cabang Depok.",
      "",
      "Pada Sen, 30 Nov 2026 pukul 10.00 Tanggap <help@toko.test> menulis:",
      "> Keluhan Anda sudah kami terima.",
      "",
    ].join("\n"),
  );

  const agent = await browser.newContext({ locale: "en-US" });
  const agentPage = await agent.newPage();
  await signInAs(agentPage.request, STAFF.agent);
  // The queue's row links by reference; the subject is the start of the mail's text.
  const mailedRow = () => agentPage.getByRole("row").filter({ hasText: /Kulkas yang saya beli/ });
  await expect(async () => {
    await agentPage.goto("/agent?triage=1");
    await expect(mailedRow()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await mailedRow().getByRole("link").first().click();
  await expect(agentPage.getByTestId("narrative")).toContainText("tidak dingin sama sekali");
  await expect(async () => {
    await agentPage.reload();
    await expect(agentPage.getByText("Nomor pesanannya 55120, dibeli di cabang Depok.")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(agentPage.getByText("Keluhan Anda sudah kami terima.")).toHaveCount(0);
  await expect(agentPage.getByText("Not stated yet: ask for it while listening")).toBeVisible();

  await expect(async () => {
    await page.reload();
    const row = page.getByTestId("mailbox-row").filter({ hasText: "Bantuan e2e" });
    await expect(row.getByTestId("mailbox-imported")).toHaveText("2", { timeout: 1_000 });
    await expect(row.getByTestId("mailbox-quarantined")).toHaveText("0");
    await expect(row.getByTestId("mailbox-last-error")).toHaveText("—");
  }).toPass({ timeout: 30_000 });
  await agent.close();
});
