import { z } from "zod";

// Every environment variable the app reads, validated once. DATABASE_URL and
// AUTH_SECRET are optional here because `next build` imports this module with
// neither; the launcher (scripts/serve.ts) guarantees both before serving.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // How long a request queues for a database connection under load before it is refused.
  DATABASE_WAIT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  // A staff session ends this long after sign-in, whatever happens, and after this long without
  // a request (src/server/auth/session-policy.ts).
  SESSION_MAX_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(30 * 24 * 60)
    .default(12 * 60),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 24 * 60)
    .default(2 * 60),
  TANGGAP_DEMO: z.enum(["0", "1"]).default("0"),
  PUBLIC_BASE_URL: z.url().optional(),
  // Outgoing mail: over SMTP when set (smtp://user:pass@host:587, smtps:// for implicit TLS),
  // otherwise written as .eml files under ./.data/outbox. An empty value counts as unset.
  SMTP_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url({ protocol: /^smtps?$/ }).optional()),
  MAIL_FROM: z.string().trim().min(3).default("Tanggap <no-reply@tanggap.test>"),
  // How often the outbox worker looks for due mail.
  MAIL_POLL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
  // Requests per minute each API token may make.
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  // Webhooks to loopback and private addresses are refused (server-side request forgery) unless
  // this is 1: for tests and a receiver on the same machine, never on a shared host.
  WEBHOOK_ALLOW_PRIVATE: z.enum(["0", "1"]).default("0"),
  // How often the webhook worker looks for due deliveries.
  WEBHOOK_POLL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
  // Complaints one address may file per hour (src/server/public-limits.ts). Raised only where
  // many customers share one address — a large office's NAT, or the load test's one machine.
  COMPLAINT_LIMIT_PER_IP: z.coerce.number().int().min(1).max(100_000).default(30),
});

export type Env = z.infer<typeof schema>;

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
