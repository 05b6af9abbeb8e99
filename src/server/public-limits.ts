import "server-only";
import { headers } from "next/headers";
import { mailboxKey } from "@/domain/mailbox";
import { env } from "@/env";
import { clientIp } from "./client-ip";
import { hitRateLimits, type RateLimitResult, type RateLimitRule } from "./rate-limit";

const HOUR = 3600;

// Per address, to stop floods; per email, so that nobody can use our forms to mail a
// stranger over and over (each complaint and lookup sends a message to that address).
const rules = (): Record<"complaint" | "reply" | "lookup", { ip: RateLimitRule; email?: RateLimitRule }> => ({
  complaint: { ip: { limit: env().COMPLAINT_LIMIT_PER_IP, windowSeconds: HOUR }, email: { limit: 5, windowSeconds: HOUR } },
  reply: { ip: { limit: 60, windowSeconds: HOUR } },
  lookup: { ip: { limit: 10, windowSeconds: HOUR }, email: { limit: 3, windowSeconds: HOUR } },
});

export type PublicForm = keyof ReturnType<typeof rules>;

/** Counts a public submission; refused with the seconds until it may be tried again. */
export async function limitPublicForm(form: PublicForm, email?: string): Promise<RateLimitResult> {
  return limitPublicFormFrom(clientIp(await headers()), form, email);
}

/** The same, for a client address already known. Plus-address variants of an email count as one. */
export async function limitPublicFormFrom(ip: string, form: PublicForm, email?: string): Promise<RateLimitResult> {
  const rule = rules()[form];
  const hits = [{ key: `${form}:ip:${ip}`, rule: rule.ip }];
  if (rule.email && email) hits.push({ key: `${form}:email:${mailboxKey(email)}`, rule: rule.email });
  // Both counted in one statement; refused when either is over, for the longer wait.
  return hitRateLimits(hits);
}
