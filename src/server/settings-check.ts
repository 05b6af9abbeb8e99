import { checkEnv, EnvError, type ServingRequirement } from "@/env";

// No "server-only" here: the launcher's server process (scripts/lib/next-server.ts) runs it too.

/**
 * The start-up check: every setting, once, before anything is served. A bad one stops the process
 * with one line per setting naming it and what it needs, rather than leaving a server that
 * listens but cannot sign anyone in.
 */
export function exitOnBadSettings(required: readonly ServingRequirement[]) {
  try {
    return checkEnv(required);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
