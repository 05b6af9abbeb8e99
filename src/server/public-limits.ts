import "server-only";
import { headers } from "next/headers";
import { env } from "@/env";
import { clientIp } from "./client-ip";
import { hitRateLimit, type RateLimitResult, type RateLimitRule } from "./rate-limit";

const HOUR = 3600;

// Per address, to stop floods; per email, so that nobody can use our forms to mail a
// stranger over and over (each complaint and lookup sends a message to that address).
const RULES = {
  complaint: { ip: { limit: 30, windowSeconds: HOUR }, email: { limit: 5, windowSeconds: HOUR } },
  reply: { ip: { limit: 60, windowSeconds: HOUR } },
  lookup: { ip: { limit: 10, windowSeconds: HOUR }, email: { limit: 3, windowSeconds: HOUR } },
} satisfies Record<string, { ip: RateLimitRule; email?: RateLimitRule }>;

export type PublicForm = keyof typeof RULES;

/** Counts a public submission; refused with the seconds until it may be tried again. */
export async function limitPublicForm(form: PublicForm, email?: string): Promise<RateLimitResult> {
  const rules: { ip: RateLimitRule; email?: RateLimitRule } = RULES[form];
  const benchIpLimit = form === "complaint" ? env().BENCH_COMPLAINT_IP_LIMIT : undefined;
  const ipRule = benchIpLimit ? { ...rules.ip, limit: benchIpLimit } : rules.ip;
  const ip = clientIp(await headers());
  const checks = [hitRateLimit(`${form}:ip:${ip}`, ipRule)];
  if (rules.email && email) checks.push(hitRateLimit(`${form}:email:${email}`, rules.email));
  const results = await Promise.all(checks);
  const refused = results.filter((r) => !r.allowed);
  if (refused.length === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(...refused.map((r) => (r.allowed ? 0 : r.retryAfterSeconds))) };
}
