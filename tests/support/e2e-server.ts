// The production build on a fresh database of its own, with the demo accounts:
// what the Playwright tests run against. Started by playwright.config.ts.
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { launch, ROOT } from "../../scripts/lib/launch";
import { freshDatabase } from "./fresh-database";

export const E2E_DATABASE_URL_FILE = join(ROOT, ".data", "e2e", "database-url");

const database = await freshDatabase("tanggap_e2e");
await mkdir(join(ROOT, ".data", "e2e"), { recursive: true });
await writeFile(E2E_DATABASE_URL_FILE, database.url);

process.env.AUTH_SECRET ??= randomBytes(33).toString("base64");
let code = 1;
try {
  code = await launch({
    mode: "start",
    demo: true,
    port: Number(process.env.E2E_PORT ?? 3100),
    databaseUrl: database.url,
    embeddedDataDir: "",
  });
} finally {
  await database.drop();
}
process.exit(code);
