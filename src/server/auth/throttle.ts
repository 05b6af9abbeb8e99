import "server-only";
import { hitRateLimit, type RateLimitResult } from "../rate-limit";

// Generous enough for a shared office address, tight enough to stop guessing.
const PER_ACCOUNT = { limit: 10, windowSeconds: 15 * 60 };
const PER_IP = { limit: 100, windowSeconds: 15 * 60 };

/** Counts a sign-in attempt against both the account and the address; unknown emails are counted alike. */
export async function throttleSignIn(email: string, ip: string): Promise<RateLimitResult> {
  const [account, address] = await Promise.all([
    hitRateLimit(`signin:account:${email}`, PER_ACCOUNT),
    hitRateLimit(`signin:ip:${ip}`, PER_IP),
  ]);
  if (!account.allowed) return account;
  return address;
}
