// npm run attachments:move -- --to s3|postgres
//
// Moves every stored attachment file into the bucket S3_URL names, or back into PostgreSQL, each
// verified by its SHA-256 before its row is switched (src/features/attachments/move.ts). Safe to
// stop and run again: it carries on where it stopped. Set S3_URL to the bucket either way.
// Run with the react-server condition (see package.json), as the app's server code expects.
import { parseArgs } from "node:util";
import { checkEnv, EnvError } from "@/env";
import { moveAttachments } from "@/features/attachments/move";
import { db } from "@/server/db/prisma";
import { s3Store } from "@/server/storage/stores";

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

let to: "S3" | "POSTGRES";
try {
  const { values } = parseArgs({ options: { to: { type: "string" } }, strict: true });
  if (values.to !== "s3" && values.to !== "postgres") throw new Error();
  to = values.to === "s3" ? "S3" : "POSTGRES";
} catch {
  fail("Usage: npm run attachments:move -- --to s3|postgres");
}

try {
  const settings = checkEnv(["DATABASE_URL"]);
  if (!settings.S3_URL) fail("S3_URL is not set: name the bucket to move into (--to s3) or out of (--to postgres).");
} catch (error) {
  if (error instanceof EnvError) fail(`Fix these settings first:\n${error.problems.map((p) => `  ${p}`).join("\n")}`);
  throw error;
}

const s3 = s3Store();
let last = 0;
const result = await moveAttachments({
  to,
  s3,
  onProgress: (done, total) => {
    if (done === total || done - last >= 100) {
      last = done;
      console.log(`${done} of ${total}`);
    }
  },
});
s3.close();
await db().$disconnect();

console.log(
  `Moved ${result.moved} file(s) to ${to === "S3" ? `bucket ${s3.bucket}` : "PostgreSQL"}; ${result.skipped} moved meanwhile by another run.`,
);
for (const problem of result.failed) {
  console.error(`  not moved: attachment ${problem.id}: ${problem.reason}${problem.detail ? ` (${problem.detail})` : ""}`);
}
if (result.failed.length > 0) {
  console.error(`${result.failed.length} file(s) were left where they were; run the command again once the cause is fixed.`);
  process.exit(1);
}
