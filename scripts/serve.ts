// `npm start`, `npm run demo` and `npm run dev`: see README.md.
import { join } from "node:path";
import { launch, ROOT } from "./lib/launch";

const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");
// Development always runs with the demo accounts and complaints.
const demo = args.has("--demo") || dev;
const dataDir = join(ROOT, ".data");

try {
  const code = await launch({
    mode: dev ? "dev" : "start",
    demo,
    embeddedDataDir: join(dataDir, "pglite"),
    // Production needs an explicit AUTH_SECRET; the demo and development keep one in .data/.
    secretFile: demo || dev ? join(dataDir, "auth-secret") : undefined,
  });
  process.exit(code);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
