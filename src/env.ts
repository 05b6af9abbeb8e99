import { z } from "zod";

// Every environment variable the app reads, validated once. DATABASE_URL and
// AUTH_SECRET are optional here because `next build` imports this module with
// neither; the launcher (scripts/serve.ts) guarantees both before serving.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  TANGGAP_DEMO: z.enum(["0", "1"]).default("0"),
  PUBLIC_BASE_URL: z.url().optional(),
  // Outgoing mail: over SMTP when set (smtp://user:pass@host:587, smtps:// for implicit TLS),
  // otherwise written as .eml files under ./.data/outbox. An empty value counts as unset.
  SMTP_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url({ protocol: /^smtps?$/ }).optional()),
  MAIL_FROM: z.string().trim().min(3).default("Tanggap <no-reply@tanggap.test>"),
  // How often the outbox worker looks for due mail.
  MAIL_POLL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
  // Bench only (`npm run bench`): every simulated customer comes from 127.0.0.1, so the complaint
  // form's per-address hourly limit would refuse all but the first 30. It can only be raised, never
  // lowered, and the per-recipient limit stays as it is. Never set it on a public server.
  BENCH_COMPLAINT_IP_LIMIT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(30).max(100_000_000).optional()),
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
