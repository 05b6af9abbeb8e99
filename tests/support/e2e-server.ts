// The production build on a fresh database of its own, with the demo accounts:
// what the Playwright tests run against. Started by playwright.config.ts.
import { randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { launch, ROOT } from "../../scripts/lib/launch";
import { freshDatabase } from "./fresh-database";
import { startSmtpCapture } from "./smtp-capture";

// Each Playwright configuration keeps its server's state in a folder of its own (E2E_STATE_DIR).
const STATE_DIR = join(ROOT, process.env.E2E_STATE_DIR ?? join(".data", "e2e"));
export const E2E_DATABASE_URL_FILE = join(STATE_DIR, "database-url");
/** Every mail the app sends during the run, one JSON file each (read by tests/e2e/mailbox.ts). */
export const E2E_MAIL_DIR = join(STATE_DIR, "mail");

// The app's outbox worker delivers to a real SMTP server in this process. Started first: it
// holds nothing that outlives the process, whereas the database must be dropped.
await rm(E2E_MAIL_DIR, { recursive: true, force: true });
const smtp = await startSmtpCapture({ dir: E2E_MAIL_DIR });

const database = await freshDatabase("tanggap_e2e");
await mkdir(STATE_DIR, { recursive: true });
await writeFile(E2E_DATABASE_URL_FILE, database.url);

// Links in mail and on the receipt use the same host the browser tests use.
process.env.PUBLIC_BASE_URL ??= `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
process.env.AUTH_SECRET ??= randomBytes(33).toString("base64");
let code = 1;
try {
  code = await launch({
    mode: "start",
    demo: true,
    port: Number(process.env.E2E_PORT ?? 3100),
    databaseUrl: database.url,
    embeddedDataDir: "",
    extraEnv: { SMTP_URL: smtp.url, MAIL_POLL_MS: "500" },
  });
} finally {
  await smtp.close();
  await database.drop();
}
process.exit(code);
