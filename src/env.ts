import { z } from "zod";
import { parseS3Url } from "./server/storage/s3-url";

// Every environment variable the app reads, validated here and nowhere else. DATABASE_URL and
// AUTH_SECRET are optional in env() because `next build` imports this module with neither; a
// server checks them, and everything else, once before it serves (checkEnv, from the launcher and
// from instrumentation.ts), so a bad setting stops the start instead of half the app.

const SECRET_HINT = "set a random value: openssl rand -base64 33";

// A blank line in an env file means "the default", as it does for SMTP_URL.
const blank = (v: unknown) => (v === "" ? undefined : v);
const wholeNumber = (min: number, max: number, unit = "") => {
  const error = `must be a whole number${unit} from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};
const ms = (min: number, max: number) => wholeNumber(min, max, " of milliseconds");
const flag = z.enum(["0", "1"], { error: "must be 0 or 1" });

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"], { error: "must be development, production or test" }).default("development"),
  DATABASE_URL: z.preprocess(blank, z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }).optional()),
  // Read replicas (streaming standbys of DATABASE_URL), comma-separated: the reports, the supervisor
  // board and the agent queue read from them (src/server/db/replicas.ts); unset, everything reads the primary.
  DATABASE_REPLICA_URL: z.preprocess(
    blank,
    z
      .string()
      .transform((v) =>
        v
          .split(",")
          .map((u) => u.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url({ protocol: /^postgres(ql)?$/, error: "must be one or more postgresql:// URLs, comma-separated" })))
      .optional(),
  ),
  // After a member of staff changes something, their reads go to the primary for this long (a signed cookie).
  REPLICA_READ_YOUR_WRITES_SECONDS: wholeNumber(1, 3_600, " of seconds").default(10),
  // The reports page says how far behind the replica is once the lag passes this.
  REPLICA_LAG_NOTICE_SECONDS: wholeNumber(1, 86_400, " of seconds").default(30),
  // Connections each server process keeps (WEB_CONCURRENCY processes per instance).
  DATABASE_POOL_SIZE: wholeNumber(1, 100).default(10),
  // Server processes `npm start` runs on the one port (node:cluster); unset, one per core
  // (os.availableParallelism(), read by scripts/lib/next-server.ts: this module is in every bundle).
  WEB_CONCURRENCY: z.preprocess(blank, wholeNumber(1, 256).optional()),
  // Whether this instance runs the background loops (outbox, webhooks, SLA monitor, inbound mail,
  // storage sweep), in one of its processes. They share their work through PostgreSQL claims, so
  // any number of instances may; 0 keeps an instance to serving requests.
  BACKGROUND_WORK: flag.default("1"),
  // How long a request queues for a database connection under load before it is refused.
  DATABASE_WAIT_MS: ms(100, 600_000).default(60_000),
  AUTH_SECRET: z
    .string()
    .min(32, { error: `must be at least 32 characters (${SECRET_HINT})` })
    .optional(),
  // A staff session ends this long after sign-in, whatever happens, and after this long without
  // a request (src/server/auth/session-policy.ts).
  SESSION_MAX_MINUTES: wholeNumber(5, 30 * 24 * 60, " of minutes").default(12 * 60),
  SESSION_IDLE_MINUTES: wholeNumber(1, 30 * 24 * 60, " of minutes").default(2 * 60),
  TANGGAP_DEMO: flag.default("0"),
  PORT: z.preprocess(blank, wholeNumber(1, 65_535).default(3000)),
  // Without one, links point at http://localhost:<PORT> (see server/app-url.ts).
  PUBLIC_BASE_URL: z.url({ error: "must be a full URL such as https://help.example.com" }).optional(),
  // Outgoing mail: over SMTP when set (smtp://user:pass@host:587, smtps:// for implicit TLS),
  // otherwise written as .eml files under ./.data/outbox. An empty value counts as unset.
  SMTP_URL: z.preprocess(blank, z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional()),
  MAIL_FROM: z
    .string()
    .trim()
    .min(3, { error: "must name the sender, e.g. Tanggap <no-reply@example.com>" })
    .default("Tanggap <no-reply@tanggap.test>"),
  // Attachments go to this S3-compatible bucket when set, e.g.
  // s3://KEY:SECRET@host:9000/bucket?region=us-east-1&forcePathStyle=true (s3+http:// without TLS;
  // the format is in server/storage/s3-url.ts); unset, they stay in PostgreSQL. Files already stored
  // move either way with `npm run attachments:move -- --to s3|postgres`.
  S3_URL: z.preprocess(
    blank,
    z
      .string()
      .superRefine((value, ctx) => {
        const parsed = parseS3Url(value);
        // The problem never repeats the URL: it carries the secret.
        if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.problem });
      })
      .optional(),
  ),
  // How often the outbox worker looks for due mail.
  MAIL_POLL_MS: ms(100, 3_600_000).default(5_000),
  // Requests per minute each API token may make.
  API_RATE_LIMIT_PER_MINUTE: wholeNumber(1, 1_000_000).default(600),
  // Webhooks to loopback and private addresses are refused (server-side request forgery) unless
  // this is 1: for tests and a receiver on the same machine, never on a shared host.
  WEBHOOK_ALLOW_PRIVATE: flag.default("0"),
  // How long a webhook delivery's claim holds before another instance may take it over (default a
  // minute; at least twice the 10 s a delivery may take). Short only in the cluster suite.
  WEBHOOK_LEASE_MS: z.preprocess(blank, ms(20_000, 3_600_000).optional()),
  // How often the webhook worker looks for due deliveries.
  WEBHOOK_POLL_MS: ms(100, 3_600_000).default(5_000),
  // How often the inbound mail poller reads each configured IMAP mailbox.
  INBOUND_POLL_MS: ms(100, 3_600_000).default(60_000),
  // The largest mail taken in (bytes); a larger one is quarantined without being downloaded.
  INBOUND_MAX_BYTES: wholeNumber(10_000, 100_000_000).default(25_000_000),
  // Mails one sender may send us per hour before the rest are quarantined (a loop or a flood).
  INBOUND_LIMIT_PER_SENDER: wholeNumber(1, 100_000).default(20),
  // The HMAC-SHA256 key of the inbound mail webhook (POST /api/inbound/mail); unset, it does not exist.
  INBOUND_WEBHOOK_SECRET: z.preprocess(
    blank,
    z
      .string()
      .min(32, { error: `must be at least 32 characters (${SECRET_HINT})` })
      .optional(),
  ),
  // How often the SLA monitor looks for deadlines; unset, the monitor's own default (a minute).
  SLA_MONITOR_INTERVAL_MS: z.preprocess(blank, ms(100, 3_600_000).optional()),
  // How often the supervisor board re-reads the database; short in the browser tests.
  BOARD_REFRESH_MS: z.preprocess(blank, ms(500, 3_600_000).default(15_000)),
  // Complaints one address may file per hour (src/server/public-limits.ts). Raised only where
  // many customers share one address — a large office's NAT, or the load test's one machine.
  COMPLAINT_LIMIT_PER_IP: wholeNumber(1, 100_000).default(30),
  // How many reverse proxies in front of us append to X-Forwarded-For and can be believed (0: none).
  TRUSTED_PROXY_HOPS: z.preprocess(blank, wholeNumber(0, 10).default(0)),
  // JSON log lines on stdout at this level and above; tests and the browser suites run at warn.
  LOG_LEVEL: z.preprocess(
    blank,
    z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "must be fatal, error, warn, info, debug, trace or silent",
      })
      .default("info"),
  ),
  // The bearer token /api/metrics asks for; unset, the endpoint does not exist (404).
  METRICS_TOKEN: z.preprocess(blank, z.string().min(16, { error: "must be at least 16 characters" }).optional()),
  // On SIGTERM: how long an instance keeps serving with readiness at 503, so the balancer notices,
  // before it takes no new connections; then how long in-flight requests and background work may take.
  DRAIN_GRACE_MS: z.preprocess(blank, ms(0, 600_000).default(0)),
  SHUTDOWN_TIMEOUT_MS: z.preprocess(blank, ms(100, 600_000).default(10_000)),
});

export type Env = z.infer<typeof schema>;

/** Settings that are optional to build the app but that a server cannot run without. */
export type ServingRequirement = "AUTH_SECRET" | "DATABASE_URL";

const MISSING: Record<ServingRequirement, string> = {
  AUTH_SECRET: `is not set (${SECRET_HINT})`,
  DATABASE_URL: "is not set (a postgresql:// URL; `npm start` provides an embedded database without one)",
};

/**
 * What is wrong with the settings, one line each naming the setting and what it needs; empty when
 * nothing is. `required` names the settings the caller cannot serve without.
 */
export function envProblems(source: Record<string, string | undefined>, required: readonly ServingRequirement[] = []): string[] {
  const problems: string[] = [];
  for (const name of required) if (!source[name]) problems.push(`${name}: ${MISSING[name]}`);
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? "environment");
      if (!problems.some((p) => p.startsWith(`${name}:`))) problems.push(`${name}: ${issue.message}`);
    }
  }
  return problems;
}

/** The start-up check: throws one line per bad setting (see envProblems), or caches the settings. */
export function checkEnv(required: readonly ServingRequirement[] = []): Env {
  const problems = envProblems(process.env, required);
  if (problems.length > 0) throw new EnvError(problems);
  cached = schema.parse(process.env);
  return cached;
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "EnvError";
  }
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= schema.parse(process.env);
  return cached;
}

export function requireDatabaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start` or `npm run demo`, which provide one.");
  return url;
}
