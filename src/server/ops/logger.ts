import { format } from "node:util";
import pino, { type Logger } from "pino";
import { env } from "../../env";

// One JSON logger per process, to stdout: the server wrapper's request lines and the background
// workers' lines land in one stream a collector can parse. Kept on globalThis because the wrapper
// (scripts/lib/next-server.ts) and Next's bundles load this module separately in one process.
const KEY = Symbol.for("tanggap.logger");
const store = globalThis as { [KEY]?: Logger };

export function logger(): Logger {
  store[KEY] ??= pino({ level: env().LOG_LEVEL, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime });
  return store[KEY];
}

/** The console methods the background loops call, written as JSON lines by the one logger. */
export function consoleLogger(component: string): Pick<Console, "info" | "warn" | "error"> {
  const child = logger().child({ component });
  return {
    info: (...args: unknown[]) => child.info(format(...args)),
    warn: (...args: unknown[]) => child.warn(format(...args)),
    error: (...args: unknown[]) => child.error(format(...args)),
  };
}
