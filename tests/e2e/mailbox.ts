// The mail the app under test has sent: tests/support/e2e-server.ts runs an SMTP server that
// receives it and writes each message to .data/e2e/mail/ as JSON, in the order received.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { CapturedMail } from "../support/smtp-capture";

export type { CapturedMail };

export const MAIL_DIR = join(process.cwd(), process.env.E2E_STATE_DIR ?? join(".data", "e2e"), "mail");

/** Every mail received so far, oldest first. */
export async function readMailbox(): Promise<CapturedMail[]> {
  let names: string[];
  try {
    names = await readdir(MAIL_DIR);
  } catch {
    return [];
  }
  const files = names.filter((n) => n.endsWith(".json")).sort();
  const mails = await Promise.all(files.map(async (f) => JSON.parse(await readFile(join(MAIL_DIR, f), "utf8")) as CapturedMail));
  return mails.sort((a, b) => a.seq - b.seq);
}

/**
 * The first mail that matches, waiting for it to arrive (the app's outbox worker polls every
 * 500 ms in the end-to-end run). Match on something unique to the test, such as the recipient.
 */
export async function waitForMail(predicate: (mail: CapturedMail) => boolean, timeoutMs = 15_000): Promise<CapturedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await readMailbox()).find(predicate);
    if (found) return found;
    if (Date.now() >= deadline) throw new Error(`No matching mail in ${MAIL_DIR} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
